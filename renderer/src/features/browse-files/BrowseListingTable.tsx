import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular, FolderRegular } from '@fluentui/react-icons';
import type { BrowseListing } from '../../../../shared/storage/check-contract';
import { formatBytes } from '../../format/bytes';
import { absoluteTime } from '../../format/time';
import { nameInFolder } from './folder-path';

/** Other files (images, mostly) are only context here: a few are shown, the rest counted. */
const OTHER_FILES_SHOWN = 100;

const useStyles = makeStyles({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground3,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td': {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      verticalAlign: 'middle',
      overflowWrap: 'anywhere',
    },
  },
  nameColumn: { width: '60%' },
  sizeColumn: { width: '14%' },
  other: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  folder: { justifyContent: 'flex-start', textAlign: 'left', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalS} 0 0` },
});

interface BrowseListingTableProps {
  listing: BrowseListing;
  selected: ReadonlySet<string>;
  onToggle: (uri: string, checked: boolean) => void;
  onOpenFolder: (prefix: string) => void;
}

/** One folder: its sub-folders to open, its JSON files to pick, its other files for context. */
export function BrowseListingTable({
  listing,
  selected,
  onToggle,
  onOpenFolder,
}: BrowseListingTableProps) {
  const styles = useStyles();
  const json = listing.blobs.filter((blob) => blob.isJson);
  const others = listing.blobs.filter((blob) => !blob.isJson);
  const shownOthers = others.slice(0, OTHER_FILES_SHOWN);
  if (listing.folders.length === 0 && listing.blobs.length === 0) {
    return <p className={styles.note}>This folder is empty.</p>;
  }
  return (
    <>
      <table className={styles.table} aria-label="Files">
        <thead>
          <tr>
            <th scope="col" className={styles.nameColumn}>
              Name
            </th>
            <th scope="col" className={styles.sizeColumn}>
              Size
            </th>
            <th scope="col">Last modified</th>
          </tr>
        </thead>
        <tbody>
          {listing.folders.map((folder) => (
            <tr key={folder}>
              <td colSpan={3}>
                <Button
                  className={styles.folder}
                  appearance="transparent"
                  icon={<FolderRegular />}
                  onClick={() => onOpenFolder(folder)}
                >
                  {nameInFolder(folder, listing.prefix)}
                </Button>
              </td>
            </tr>
          ))}
          {json.map((blob) => (
            <tr key={blob.path}>
              <td>
                <Checkbox
                  label={blob.path}
                  checked={selected.has(blob.uri)}
                  onChange={(_event, data) => onToggle(blob.uri, data.checked === true)}
                />
              </td>
              <td>{formatBytes(blob.size)}</td>
              <td>{absoluteTime(blob.lastModified)}</td>
            </tr>
          ))}
          {shownOthers.map((blob) => (
            <tr key={blob.path}>
              <td>
                <span className={styles.other}>
                  <DocumentRegular aria-hidden="true" />
                  {nameInFolder(blob.path, listing.prefix)}
                </span>
              </td>
              <td>{formatBytes(blob.size)}</td>
              <td>{absoluteTime(blob.lastModified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {others.length > shownOthers.length ? (
        <p className={styles.note}>
          {`And ${(others.length - shownOthers.length).toLocaleString()} more files that are not JSON.`}
        </p>
      ) : null}
      {json.length === 0 && listing.blobs.length > 0 ? (
        <p className={styles.note}>No JSON file here: open a folder, or go up.</p>
      ) : null}
      {listing.truncated ? (
        <p className={styles.note}>
          This folder holds more than 5,000 files; only the first are listed. Open a narrower folder
          to see the rest.
        </p>
      ) : null}
    </>
  );
}
