import { render } from 'preact';
import { App } from './app';
import { loadToolReader } from './api/client';
import './styles/base.css';
import './styles/layout.css';
import './styles/chat.css';
import './styles/dashboard.css';
import './styles/charts.css';
import './styles/modes.css';
import './styles/type.css';
import './styles/lists.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

// The tool-result reader (zod and the contracts) stays out of the first paint; fetched once the page
// is idle, the first chat answer does not wait for it.
const idle = (fn: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(fn) : setTimeout(fn, 1000));
idle(() => void loadToolReader().catch(() => undefined));
