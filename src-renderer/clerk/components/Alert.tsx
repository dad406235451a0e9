// KERN alert box for the clerk window.
import type { ReactNode } from 'react';

export interface AlertProps {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ReactNode;
  /** `alert` interrupts the screen reader; only for what needs action now. */
  role?: 'alert' | 'status';
}

export function Alert({ kind, title, children, role }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={role}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children !== undefined && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
