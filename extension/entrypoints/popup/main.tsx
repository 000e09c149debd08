import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from './Popup';
import '../../options/options.css';

const container = document.getElementById('root');
if (!container) throw new Error('popup: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
