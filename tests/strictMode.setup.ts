// Every jsdom test renders inside <StrictMode>, as host apps in development do: effects run,
// are cleaned up and run again, and renders are doubled. A test may opt out with
// `render(ui, { reactStrictMode: false })` only where it counts renders.
import { configure } from '@testing-library/react';

configure({ reactStrictMode: true });
