// Session state of the citizen app: settings, the draft application and the outcome. `reset()`
// returns everything to the start values, which the kiosk does between two citizens.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AttachmentUpload } from '../../src-shared/index.ts';
import type { SubmitOutcome } from '../../src-shared/ipc/kiosk.ts';
import type { Locale } from './i18n/messages.ts';
import { NO_ERRORS, type FormErrors } from './wizard/errors.ts';
import { setAtPath } from '../../src-shared/forms/paths.ts';

export const TEXT_SCALES = [100, 125, 150, 175] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export type Screen = 'picker' | 'wizard' | 'receipt';

export interface AttachedFile extends AttachmentUpload {
  /** Client-side id, so the same file name can be attached twice and removed separately. */
  localId: string;
  size: number;
}

export interface Settings {
  locale: Locale;
  textScale: TextScale;
  highContrast: boolean;
  keyboardVisible: boolean;
}

export interface Draft {
  serviceId: string | null;
  serviceVersion: number | null;
  currentStepId: string | null;
  formData: Record<string, unknown>;
  rawInputs: Record<string, string>;
  attachments: AttachedFile[];
  privacyConfirmed: boolean;
  /**
   * Key of the submission in flight. It is created on the first send and kept for retries after a
   * lost response. Any change to the answers clears it, because a changed application is a new
   * submission.
   */
  idempotencyKey: string | null;
  errors: FormErrors;
  /** Bumped when errors are set, so the wizard moves focus even if the messages did not change. */
  errorsRevision: number;
}

export interface CitizenState extends Settings, Draft {
  screen: Screen;
  outcome: SubmitOutcome | null;

  setLocale(locale: Locale): void;
  setTextScale(scale: TextScale): void;
  setHighContrast(on: boolean): void;
  setKeyboardVisible(visible: boolean): void;

  startService(serviceId: string, serviceVersion: number): void;
  backToPicker(): void;
  goToStep(stepId: string): void;
  setValue(path: string, value: unknown): void;
  setTextInput(path: string, raw: string, value: unknown): void;
  addAttachment(file: AttachedFile): void;
  removeAttachment(localId: string): void;
  setPrivacyConfirmed(confirmed: boolean): void;
  setErrors(errors: FormErrors): void;
  clearFieldError(path: string): void;
  ensureIdempotencyKey(): string;
  finishSubmission(outcome: SubmitOutcome): void;
  reset(): void;
}

export type CitizenStore = StoreApi<CitizenState>;

const DEFAULT_SETTINGS: Settings = { locale: 'de', textScale: 100, highContrast: false, keyboardVisible: true };

const EMPTY_DRAFT: Draft = {
  serviceId: null,
  serviceVersion: null,
  currentStepId: null,
  formData: {},
  rawInputs: {},
  attachments: [],
  privacyConfirmed: false,
  idempotencyKey: null,
  errors: NO_ERRORS,
  errorsRevision: 0,
};

export function createCitizenStore(initialSettings: Partial<Settings> = {}): CitizenStore {
  const startSettings: Settings = { ...DEFAULT_SETTINGS, ...initialSettings };

  return createStore<CitizenState>()((set, get) => ({
    ...startSettings,
    ...EMPTY_DRAFT,
    screen: 'picker',
    outcome: null,

    setLocale: (locale) => set({ locale }),
    setTextScale: (textScale) => set({ textScale }),
    setHighContrast: (highContrast) => set({ highContrast }),
    setKeyboardVisible: (keyboardVisible) => set({ keyboardVisible }),

    startService: (serviceId, serviceVersion) =>
      set({ ...EMPTY_DRAFT, serviceId, serviceVersion, screen: 'wizard', outcome: null }),

    backToPicker: () => set({ ...EMPTY_DRAFT, screen: 'picker', outcome: null }),

    goToStep: (currentStepId) => set({ currentStepId }),

    setValue: (path, value) =>
      set((state) => ({ formData: setAtPath(state.formData, path, value), idempotencyKey: null })),

    setTextInput: (path, raw, value) =>
      set((state) => ({
        rawInputs: { ...state.rawInputs, [path]: raw },
        formData: setAtPath(state.formData, path, value),
        idempotencyKey: null,
      })),

    addAttachment: (file) => set((state) => ({ attachments: [...state.attachments, file], idempotencyKey: null })),

    removeAttachment: (localId) =>
      set((state) => ({ attachments: state.attachments.filter((file) => file.localId !== localId), idempotencyKey: null })),

    setPrivacyConfirmed: (privacyConfirmed) => set({ privacyConfirmed }),

    setErrors: (errors) => set((state) => ({ errors, errorsRevision: state.errorsRevision + 1 })),

    clearFieldError: (path) =>
      set((state) => {
        if (state.errors.byField[path] === undefined) return {};
        const byField = { ...state.errors.byField };
        delete byField[path];
        return { errors: { ...state.errors, byField } };
      }),

    ensureIdempotencyKey: () => {
      const existing = get().idempotencyKey;
      if (existing !== null) return existing;

      const key = crypto.randomUUID();
      set({ idempotencyKey: key });
      return key;
    },

    finishSubmission: (outcome) => set({ outcome, screen: 'receipt' }),

    reset: () => set({ ...startSettings, ...EMPTY_DRAFT, screen: 'picker', outcome: null }),
  }));
}
