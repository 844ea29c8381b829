import type { ReactNode } from 'react';

/**
 * A message box. "error" is announced at once (role=alert); "info" politely (role=status), for
 * confirmations such as "you have signed out".
 */
export function Notice({ tone, children }: { tone: 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
