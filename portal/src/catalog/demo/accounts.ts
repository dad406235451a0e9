// Demo clerk accounts and kiosk devices. All people are invented. Every account uses the one
// documented demo password, so a demo can start without a setup step.
import type { Role } from '../../../../src-shared/index.ts';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export interface DemoClerk {
  id: string;
  username: string;
  displayName: string;
  authorityId: string;
  role: Role;
  password: string;
}

export interface DemoKioskDevice {
  id: string;
  name: string;
  authorityId: string;
  /** Bearer token the device sends; the portal stores only its hash. */
  token: string;
}

function clerk(id: string, username: string, displayName: string, authorityId: string, role: Role): DemoClerk {
  return { id, username, displayName, authorityId, role, password: DEMO_PASSWORD };
}

export const DEMO_CLERKS: DemoClerk[] = [
  clerk('user-sn-krueger', 'a.krueger', 'Anja Krüger', 'schwerin', 'clerk'),
  clerk('user-sn-oezdemir', 'b.oezdemir', 'Baran Özdemir', 'schwerin', 'clerk'),
  clerk('user-sn-weiss', 'c.weiss', 'Claudia Weiß', 'schwerin', 'team_lead'),
  clerk('user-sn-lindqvist', 'd.lindqvist', 'Dirk Lindqvist', 'schwerin', 'admin'),
  clerk('user-lup-schroeder', 'e.schroeder', 'Eike Schröder', 'lk-ludwigslust-parchim', 'clerk'),
  clerk('user-lup-jaenicke', 'm.jaenicke', 'Mareike Jänicke', 'lk-ludwigslust-parchim', 'clerk'),
  clerk('user-lup-hansen', 'f.hansen', 'Frauke Hansen', 'lk-ludwigslust-parchim', 'team_lead'),
  clerk('user-lup-petersen', 'g.petersen', 'Gero Petersen', 'lk-ludwigslust-parchim', 'admin'),
  clerk('user-lwl-mueller', 'h.mueller', 'Heike Müller', 'ludwigslust', 'clerk'),
  clerk('user-ngw-brandt', 'i.brandt', 'Ingo Brandt', 'neustadt-glewe', 'clerk'),
  clerk('user-gra-kowalski', 'j.kowalski', 'Joanna Kowalski', 'grabow', 'clerk'),
  clerk('user-apu-grosse', 'k.grosse', 'Karsten Große', 'amt-parchimer-umland', 'clerk'),
  clerk('user-apu-voss', 'l.voss', 'Lena Voß', 'amt-parchimer-umland', 'team_lead'),
];

export const DEMO_KIOSK_DEVICES: DemoKioskDevice[] = [
  {
    id: 'kiosk-sn-stadthaus-1',
    name: 'Bürgerterminal Stadthaus Schwerin',
    authorityId: 'schwerin',
    token: 'NJ_kQVwNXLyPpihBN-hUm4N9x0RqnwvuwNYTc-LNJZU',
  },
  {
    id: 'kiosk-lup-parchim-1',
    name: 'Bürgerterminal Kreisverwaltung Parchim',
    authorityId: 'lk-ludwigslust-parchim',
    token: 'l6S_qMMs8q2gxvxVrGBVzae757G6oT0gJRBE0uLT9gY',
  },
];
