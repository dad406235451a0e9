// Turns errors from the clerk API into plain German with the next step. Electron wraps errors
// from ipcMain handlers as "Error invoking remote method '<channel>': Error: <message>"; the
// wrapper is removed so the clerk reads only the message the main process wrote.

const IPC_WRAPPER = /^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?/;

/** Returns the message of an error without the IPC wrapper. */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return raw.replace(IPC_WRAPPER, '').trim();
}

/**
 * Returns a German sentence for a failed step, e.g. describeFailure('Der Antrag konnte nicht
 * geladen werden', error). The main process writes German messages for the clerk; anything else
 * (an unexpected English message) is kept as a detail behind the German text.
 */
export function describeFailure(what: string, error: unknown): string {
  const message = errorMessage(error);
  const next = 'Bitte versuchen Sie es erneut. Wenn der Fehler bleibt, wenden Sie sich an die IT-Betreuung.';
  if (message === '') return `${what}. ${next}`;
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return `${what}: ${sentence} ${next}`;
}
