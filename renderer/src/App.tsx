import type { DatasetManagerApi } from '../../shared/ipc/contract';

export function App(_props: { api: DatasetManagerApi; mode: 'desktop' | 'browser' }) {
  return (
    <main>
      <h1>Dataset Manager</h1>
      <p>Register and edit Azure Computer Vision datasets.</p>
    </main>
  );
}
