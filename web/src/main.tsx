import { render } from 'preact';
import { App } from './app';
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
