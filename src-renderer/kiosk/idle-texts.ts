// Texts of the idle warning in every language the citizen app offers. The staff dialog stays
// German, because staff use it.
import type { Locale } from '../citizen/i18n/messages.ts';

export interface IdleTexts {
  title: string;
  /** `{seconds}` is replaced by the seconds left. */
  body: string;
  moreTime: string;
  endNow: string;
}

export const IDLE_TEXTS: Record<Locale, IdleTexts> = {
  de: {
    title: 'Sind Sie noch da?',
    body: 'Ohne Eingabe beginnt das Terminal in {seconds} Sekunden von vorn. Ihre Eingaben werden dann gelöscht.',
    moreTime: 'Mehr Zeit',
    endNow: 'Jetzt beenden',
  },
  en: {
    title: 'Are you still there?',
    body: 'Without input the terminal starts over in {seconds} seconds. Everything you entered will be deleted.',
    moreTime: 'More time',
    endNow: 'End now',
  },
  uk: {
    title: 'Ви ще тут?',
    body: 'Якщо нічого не вводити, термінал почне спочатку через {seconds} секунд. Ваші дані буде видалено.',
    moreTime: 'Більше часу',
    endNow: 'Завершити зараз',
  },
  ar: {
    title: 'هل ما زلت هنا؟',
    body: 'إذا لم تُدخل شيئًا، سيبدأ الجهاز من جديد بعد {seconds} ثانية، وستُحذف بياناتك.',
    moreTime: 'وقت إضافي',
    endNow: 'إنهاء الآن',
  },
  tr: {
    title: 'Hâlâ orada mısınız?',
    body: 'Giriş yapılmazsa terminal {seconds} saniye sonra baştan başlar. Girdiğiniz bilgiler silinir.',
    moreTime: 'Daha fazla zaman',
    endNow: 'Şimdi bitir',
  },
  'de-x-ls': {
    title: 'Sind Sie noch da?',
    body: 'Bitte tippen Sie auf: Mehr Zeit. Sonst löscht das Gerät in {seconds} Sekunden alles, was Sie eingegeben haben.',
    moreTime: 'Mehr Zeit',
    endNow: 'Jetzt beenden',
  },
};
