import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatasetManagerApi } from '../../shared/ipc/contract';
import { ApiProvider } from './api/api-context';
import { KeepFocusManager } from './components/common/KeepFocusManager';
import { KeyboardShortcuts } from './components/common/KeyboardShortcutsDialog';
import { ConnectionKeyFixProvider } from './components/connections/ConnectionKeyFixProvider';
import { MainWindow } from './components/layout/MainWindow';
import { UnsavedChangesProvider } from './navigation/unsaved-changes';
import { createQueryClient } from './query/query-client';
import { useDarkTheme } from './theme/use-prefers-dark';

export function App({ api }: { api: DatasetManagerApi }) {
  const [queryClient] = useState(createQueryClient);
  const dark = useDarkTheme();
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
          <UnsavedChangesProvider>
            <ConnectionKeyFixProvider>
              <MainWindow />
            </ConnectionKeyFixProvider>
          </UnsavedChangesProvider>
          <KeepFocusManager />
          <KeyboardShortcuts />
        </FluentProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
