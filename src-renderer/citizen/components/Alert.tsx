// KERN alert box.
import type { ReactNode } from 'react';

export interface AlertProps {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ReactNode;
  /** `alert` interrupts the screen reader; use it only for messages that need action now. */
  role?: 'alert' | 'status';
  id?: string;
}

export function Alert({ kind, title, children, role, id }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={role} id={id}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children !== undefined && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
