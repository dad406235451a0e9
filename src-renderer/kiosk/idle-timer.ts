// Idle timer of the kiosk: after `idleSeconds - warningSeconds` without input it asks for a
// warning, after `idleSeconds` it resets. "Mehr Zeit" restarts it; there is no limit on how often.

export interface IdleTimerOptions {
  idleSeconds: number;
  warningSeconds: number;
  onWarn(): void;
  onReset(): void;
  /** A session with nothing in it (start screen, default settings) needs neither warning nor reset. */
  isPristine(): boolean;
}

export interface IdleTimer {
  /** Input from the citizen; ignored while the warning is shown, where only "Mehr Zeit" counts. */
  activity(): void;
  extend(): void;
  readonly warning: boolean;
  stop(): void;
}

export function startIdleTimer(options: IdleTimerOptions): IdleTimer {
  let warning = false;
  let warnTimer: ReturnType<typeof setTimeout> | undefined;
  let resetTimer: ReturnType<typeof setTimeout> | undefined;

  const clear = () => {
    clearTimeout(warnTimer);
    clearTimeout(resetTimer);
  };

  const arm = () => {
    clear();
    warning = false;
    warnTimer = setTimeout(() => {
      if (options.isPristine()) {
        arm();
        return;
      }
      warning = true;
      options.onWarn();
      resetTimer = setTimeout(() => {
        warning = false;
        options.onReset();
        arm();
      }, options.warningSeconds * 1000);
    }, (options.idleSeconds - options.warningSeconds) * 1000);
  };

  arm();

  return {
    activity: () => {
      if (!warning) arm();
    },
    extend: arm,
    get warning() {
      return warning;
    },
    stop: clear,
  };
}
