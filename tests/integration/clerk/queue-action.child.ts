// Child process for the restart test: restores the stored clerk session from <dataDir>, queues one
// note while the portal is down, waits for the first failed delivery and exits without closing
// anything, as a crashed or killed app would.
// Usage: node queue-action.child.ts <dataDir> <portalUrl> <applicationId> <note text>
import path from 'node:path';
import { createClerkServices, createPlainFileSecretStore } from '../../../src-main/clerk/index.ts';

const [dataDir, portalUrl, applicationId, text] = process.argv.slice(2);
if (!dataDir || !portalUrl || !applicationId || !text) {
  console.error('usage: queue-action.child.ts <dataDir> <portalUrl> <applicationId> <note text>');
  process.exit(2);
}

const services = createClerkServices({
  dataDir,
  portalUrl,
  secretStore: createPlainFileSecretStore(path.join(dataDir, 'secrets')),
  tuning: { requestTimeoutMs: 2_000, requestRetries: 0, outboxRetryBaseMs: 60_000, syncIntervalMs: 0 },
});

const session = await services.handlers.getSession();
if (!session.signedIn) {
  console.error('no stored session');
  process.exit(3);
}

const { pendingActionId } = await services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 1, text } });
for (let waited = 0; waited < 10_000; waited += 50) {
  const [pending] = await services.handlers.listPendingActions();
  if (pending && pending.attempts > 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}

console.log(JSON.stringify({ pendingActionId, pending: (await services.handlers.getSyncStatus()).pendingActions }));
process.exit(0);
