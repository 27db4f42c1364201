import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './app/styles.css';

// Which version this page runs (a new one is offered by client/offline/UpdatePrompt.tsx, never forced).
document.documentElement.dataset.build = __ORSAN_BUILD__;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
