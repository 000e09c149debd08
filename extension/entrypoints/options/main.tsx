import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../options/OptionsApp';
import '../../options/options.css';

const container = document.getElementById('root');
if (!container) throw new Error('options: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
