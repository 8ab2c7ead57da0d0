import 'conversation-kit/styles.css';
import './app.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from './QueryProvider';

export const metadata: Metadata = {
  title: 'conversation-kit on Next.js',
  description: 'A server-rendered conversation list that hydrates and deletes.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
