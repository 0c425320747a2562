// Renderer entry: mounts the app with the design system's styles.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { guardCloseWithUnsavedWork } from './app/close-guard';
import './payments/register';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/patients.css';
import './styles/admin.css';
import './styles/calendar.css';
import './styles/search.css';
import './styles/payments.css';
import './styles/privacy.css';

guardCloseWithUnsavedWork();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
