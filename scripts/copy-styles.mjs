// The stylesheet ships as written: hosts import it as `conversation-kit/styles.css`.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
copyFileSync('src/styles/styles.css', 'dist/styles.css');
