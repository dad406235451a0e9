// Reads the applicant's display name and e-mail address from form data. Every form keeps the
// applicant at `applicant` with givenName, familyName and an optional email (or an organisation).
import type { Application } from '../../../src-shared/index.ts';

export function applicantOf(formData: Record<string, unknown>): Pick<Application, 'applicantName' | 'applicantEmail'> {
  const applicant = (formData.applicant ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

  const person = [text(applicant.familyName), text(applicant.givenName)].filter(Boolean).join(', ');
  const organisation = text(applicant.organisation);
  const applicantName = person || organisation || 'Unbekannt';
  const email = text(applicant.email);

  return { applicantName, applicantEmail: email || null };
}
