// Setup of every jsdom and node test.
// - Renders happen inside <StrictMode>, as host apps in development do: effects run, are cleaned
//   up and run again, and renders are doubled. A test may opt out with
//   `render(ui, { reactStrictMode: false })` only where it counts renders.
// - The kit keeps confirmed deletions in localStorage until the backend has them: each test
//   starts with none kept by an earlier one.
import { configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ reactStrictMode: true });

afterEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
