import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUpRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { MAX_ANNOTATION_FILE_URIS } from '../../../../shared/contract/limits';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { plural } from '../../format/labels';
import { useReturnFocus } from '../../hooks/use-return-focus';
import type { AccessChoice } from '../annotation-check/check-access';
import { BrowseListingTable } from './BrowseListingTable';
import { containerNameOf, crumbsOf, parentOf } from './folder-path';
import { useBrowseStorage } from './use-browse-storage';
import type { BrowseOwner } from './use-browse-storage';

const useStyles = makeStyles({
  surface: { width: 'min(880px, calc(100vw - 32px))', maxWidth: 'none', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  location: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  locationField: { flexGrow: 1, minWidth: 0 },
  where: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  crumbs: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    minWidth: 0,
    '& li + li::before': { content: '"/"', color: tokens.colorNeutralForeground3 },
  },
  crumb: { minWidth: 0, overflowWrap: 'anywhere' },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  warning: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  count: { marginRight: 'auto', alignSelf: 'center' },
});

export interface BrowseFilesDialogProps {
  owner: BrowseOwner;
  /** The dataset's access as the form has it now. */
  access: AccessChoice;
  /** Managed identity: listing needs a SAS typed for the check. */
  offersCheckSas: boolean;
  checkSasToken: string;
  onCheckSasTokenChange: (token: string) => void;
  /** The first URI row's value: its container is listed first. */
  initialLocation: string;
  /** How many more URIs the form can take. */
  room: number;
  onAdd: (uris: string[]) => void;
  onClose: () => void;
}

/**
 * `Browse files`: the folders and blobs of a container, read with the dataset's access; the
 * JSON files picked are what `Add selected` puts into the URI rows. Picks stay while moving
 * between folders.
 */
export function BrowseFilesDialogView({
  owner,
  access,
  offersCheckSas,
  checkSasToken,
  onCheckSasTokenChange,
  initialLocation,
  room,
  onAdd,
  onClose,
}: BrowseFilesDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  const browse = useBrowseStorage(owner);
  const { listing, loading, error, list } = browse;
  const [location, setLocation] = useState(initialLocation);
  const [locationProblem, setLocationProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const currentCrumb = useRef<HTMLButtonElement>(null);
  const focusAfterLoad = useRef(false);

  const listAt = (where: string, prefix?: string) => {
    if ('problem' in access) {
      setLocationProblem(access.problem);
      return;
    }
    setLocationProblem(null);
    void list(where, access.access, prefix);
  };

  const listTyped = () => {
    const where = location.trim();
    if (where === '') {
      setLocationProblem('Type the address of a container or of a file in it.');
      return;
    }
    listAt(where);
  };

  // The form's first file shows its folder at once; otherwise the address box waits.
  const listedAtOpen = useRef(false);
  useEffect(() => {
    if (listedAtOpen.current) return;
    listedAtOpen.current = true;
    if (initialLocation.trim() !== '' && 'access' in access) {
      void list(initialLocation.trim(), access.access);
    }
  }, [access, initialLocation, list]);

  // The folder button clicked is gone with its folder: focus goes to where the user now is.
  useEffect(() => {
    if (focusAfterLoad.current && !loading && listing) {
      focusAfterLoad.current = false;
      currentCrumb.current?.focus();
    }
  }, [loading, listing]);

  const openFolder = (prefix: string) => {
    if (!listing) return;
    focusAfterLoad.current = true;
    listAt(listing.containerUrl, prefix);
  };

  const toggle = (uri: string, checked: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(uri);
      else next.delete(uri);
      return next;
    });

  const crumbs = listing ? crumbsOf(listing.prefix) : [];
  const tooMany = selected.size - room;

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Browse files</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.location}>
              <Field
                className={styles.locationField}
                label="Container or file address"
                validationMessage={locationProblem ?? undefined}
                hint={
                  locationProblem
                    ? undefined
                    : 'https://account.blob.core.windows.net/container, without a SAS: the dataset’s access is used.'
                }
              >
                <Input
                  value={location}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(_event, data) => setLocation(data.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      listTyped();
                    }
                  }}
                />
              </Field>
              <Button onClick={listTyped}>List files</Button>
            </div>
            {offersCheckSas ? (
              <Field
                label="Read SAS for this check"
                hint="The service reads with its managed identity, which this app does not have. A SAS with read and list permissions typed here is used for browsing and checking only, and is not saved."
              >
                <Input
                  type="password"
                  value={checkSasToken}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(_event, data) => onCheckSasTokenChange(data.value)}
                />
              </Field>
            ) : null}
            {listing ? (
              <div className={styles.where}>
                <Button
                  appearance="subtle"
                  icon={<ArrowUpRegular />}
                  disabled={listing.prefix === '' || loading}
                  onClick={() => openFolder(parentOf(listing.prefix))}
                >
                  Up
                </Button>
                <nav aria-label="Folder">
                  <ol className={styles.crumbs}>
                    {[{ label: containerNameOf(listing.containerUrl), prefix: '' }, ...crumbs].map(
                      (crumb, index, all) => {
                        const current = index === all.length - 1;
                        return (
                          <li key={crumb.prefix}>
                            <Button
                              className={styles.crumb}
                              appearance="transparent"
                              size="small"
                              aria-current={current ? 'location' : undefined}
                              ref={current ? currentCrumb : undefined}
                              onClick={() => (current ? undefined : openFolder(crumb.prefix))}
                            >
                              {crumb.label}
                            </Button>
                          </li>
                        );
                      },
                    )}
                  </ol>
                </nav>
              </div>
            ) : null}
            {loading ? <Spinner size="tiny" label="Listing files…" labelPosition="after" /> : null}
            {error ? <ErrorAlert error={error} title="The files could not be listed" /> : null}
            {listing && !error ? (
              <BrowseListingTable
                listing={listing}
                selected={selected}
                onToggle={toggle}
                onOpenFolder={openFolder}
              />
            ) : null}
            {!listing && !loading && !error ? (
              <p className={styles.note}>
                Type the address of the container that holds your annotation files, then List files.
              </p>
            ) : null}
            {tooMany > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {`A dataset holds at most ${MAX_ANNOTATION_FILE_URIS} annotation files and the form has room for ${plural(room, 'more', 'more')}: ${plural(tooMany, 'selected file')} will not be added.`}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions fluid>
            <span role="status" className={styles.count}>
              {plural(selected.size, 'file')} selected
            </span>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              appearance="primary"
              disabled={selected.size === 0}
              onClick={() => onAdd([...selected])}
            >
              Add selected
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
