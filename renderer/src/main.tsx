import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseApi } from './api';
import { App } from './App';
import './global.css';
import { refetchOnWindowFocusToo } from './query/window-focus';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const api = chooseApi();
refetchOnWindowFocusToo();
createRoot(container).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
