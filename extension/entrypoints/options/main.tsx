import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionForm } from './ConnectionForm';

const container = document.getElementById('root');
if (!container) throw new Error('options: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <ConnectionForm />
  </StrictMode>,
);
