import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

/*
 * Someone else saved the open dataset. Polite announcements (role status): the user did
 * nothing wrong, and nothing is lost.
 */

/** No edits were open: the form already shows the new version; this says why it changed. */
export function ChangedOnServiceNotice({
  name,
  onDismiss,
}: {
  name: string;
  onDismiss: () => void;
}) {
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>“{name}” changed on the service; showing the new version.</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}

/** Edits are open on an older version: the merge view, before a save would meet a 412. */
export function ReviewChangesBanner({ name, onReview }: { name: string; onReview: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>“{name}” changed on the service</MessageBarTitle>
        Someone saved it after you started editing. Your edits are kept: review both versions and
        merge them before you save.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReview}>Review changes</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
