// pino options for the portal. Log lines carry ids (application, user, authority, request) and
// never personal data: credentials and bodies are never logged, and known personal-data keys are
// censored wherever they appear.
import type { LoggerOptions } from 'pino';

const PERSONAL_DATA_KEYS = [
  'formData', 'applicantName', 'applicantEmail', 'givenName', 'familyName', 'email', 'address', 'iban',
  'password', 'accessCode', 'token', 'contentBase64', 'text', 'message', 'reasons', 'decision',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'antragsdesk-portal' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        ...PERSONAL_DATA_KEYS,
        ...PERSONAL_DATA_KEYS.map((key) => `*.${key}`),
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Query strings can carry a reference number but nothing else personal; bodies are never logged.
      req: (request: { method: string; url: string; id: string }) => ({ method: request.method, url: request.url, id: request.id }),
    },
  };
}
