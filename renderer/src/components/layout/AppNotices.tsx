import { DismissibleNotices } from '../common/DismissibleNotices';

/** What this start of the app wants the user to know (keys kept for the session, a damaged file). */
export function AppNotices({ notices }: { notices: string[] }) {
  return (
    <DismissibleNotices
      label="App notices"
      notices={notices.map((text) => ({ id: text, intent: 'warning', text }))}
    />
  );
}
