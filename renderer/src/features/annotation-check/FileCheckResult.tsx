import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  useId,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { CocoReport, RuleProblems } from '../../../../shared/coco/report';
import type {
  FileCheck,
  FileCheckState,
  ImagesReachability,
} from '../../../../shared/storage/check-contract';
import { formatBytes } from '../../format/bytes';
import { plural } from '../../format/labels';
import { CategoriesSection } from './categories/CategoriesSection';
import { Images } from './images/images-on-demand';
import { useReportStyles } from './report-styles';
import { CreateFixedCopy } from '../fixed-copy/CreateFixedCopy';

const STATE_LABELS: Record<FileCheckState, string> = {
  waiting: 'Waiting',
  reading: 'Reading',
  images: 'Reading images',
  done: 'Checked',
  failed: 'Not read',
  cancelled: 'Cancelled',
};

const STATE_COLORS: Record<
  FileCheckState,
  'informative' | 'brand' | 'success' | 'danger' | 'warning'
> = {
  waiting: 'informative',
  reading: 'brand',
  images: 'brand',
  done: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

/** One annotation file's part of the report: its statistics, its problems, its images. */
export function FileCheckResult({ file, onlyFile }: { file: FileCheck; onlyFile: boolean }) {
  const styles = useReportStyles();
  const headingId = useId('checked-file-');
  const { report, images } = file;
  const color =
    file.state === 'done' && report && report.errorCount > 0 ? 'danger' : STATE_COLORS[file.state];
  return (
    <article className={styles.file} aria-labelledby={headingId}>
      <div className={styles.fileHeader}>
        <h5 id={headingId} className={styles.fileName}>
          {file.name}
        </h5>
        <Badge appearance="tint" color={color}>
          {STATE_LABELS[file.state]}
        </Badge>
        {report ? <ProblemCounts report={report} /> : null}
      </div>
      <p className={styles.uri}>{file.uri}</p>
      {file.state === 'reading' ? (
        <p className={styles.line}>
          {file.bytesTotal !== undefined
            ? `Read ${formatBytes(file.bytesRead)} of ${formatBytes(file.bytesTotal)}`
            : `Read ${formatBytes(file.bytesRead)}`}
        </p>
      ) : null}
      {file.problem ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The file could not be read</MessageBarTitle>
            {file.problem.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report ? <Statistics report={report} /> : null}
      {report &&
      file.state === 'done' &&
      report.problems.length === 0 &&
      (images?.unreachableTotal ?? 0) === 0 ? (
        <p className={styles.fine}>
          <CheckmarkCircleRegular aria-hidden="true" />
          No problems found
        </p>
      ) : null}
      {report?.problems.map((rule) => (
        <RuleResult key={rule.rule} rule={rule} />
      ))}
      <CreateFixedCopy file={file} />
      {report ? <CategoriesSection report={report} fileName={file.name} /> : null}
      {images ? <ImagesResult images={images} /> : null}
      <Images previews={file.previews} report={report} fileName={file.name} onlyFile={onlyFile} />
    </article>
  );
}

function ProblemCounts({ report }: { report: CocoReport }) {
  if (report.errorCount === 0 && report.warningCount === 0) return null;
  const parts = [];
  if (report.errorCount > 0) parts.push(plural(report.errorCount, 'error'));
  if (report.warningCount > 0) parts.push(plural(report.warningCount, 'warning'));
  return <span>{parts.join(', ')}</span>;
}

function Statistics({ report }: { report: CocoReport }) {
  const styles = useReportStyles();
  const { statistics: s } = report;
  return (
    <ul className={styles.stats} aria-label="Statistics">
      <li>{plural(s.images, 'image')}</li>
      <li>{plural(s.annotations, 'annotation')}</li>
      <li>{plural(s.categories, 'category', 'categories')}</li>
      <li>{`${plural(s.imagesWithoutAnnotations, 'image')} without annotations`}</li>
      {s.width ? <li>{`Width ${rangeOf(s.width)} px`}</li> : null}
      {s.height ? <li>{`Height ${rangeOf(s.height)} px`}</li> : null}
    </ul>
  );
}

function rangeOf({ min, max }: { min: number; max: number }): string {
  return min === max ? min.toLocaleString() : `${min.toLocaleString()} to ${max.toLocaleString()}`;
}

/** A rule broken: its title, how often, and where, in the file's own terms. */
function RuleResult({ rule }: { rule: RuleProblems }) {
  const styles = useReportStyles();
  const more = rule.total - rule.instances.length;
  return (
    <div className={styles.rule}>
      <p className={styles.ruleTitle}>
        <Badge appearance="filled" color={rule.severity === 'error' ? 'danger' : 'warning'}>
          {rule.severity === 'error' ? 'Error' : 'Warning'}
        </Badge>
        <strong>{rule.title}</strong>
        <span className={styles.muted}>{plural(rule.total, 'place')}</span>
      </p>
      <ul className={styles.instances}>
        {rule.instances.map((instance, index) => (
          <li key={`${instance.location}-${index}`}>
            <code className={styles.location}>{instance.location}</code>
            {instance.message}
          </li>
        ))}
        {more > 0 ? <li className={styles.muted}>{`and ${more.toLocaleString()} more`}</li> : null}
      </ul>
    </div>
  );
}

function ImagesResult({ images }: { images: ImagesReachability }) {
  const styles = useReportStyles();
  const more = images.unreachableTotal - images.unreachable.length;
  const scope = images.scope === 'all' ? 'every image' : 'a sample';
  return (
    <div className={styles.rule}>
      <p className={styles.line}>
        {`Images: ${images.checked.toLocaleString()} of ${images.toCheck.toLocaleString()} read (${scope})`}
        {images.unreachableTotal > 0
          ? `, ${plural(images.unreachableTotal, 'image')} could not be read`
          : ''}
      </p>
      {images.unreachable.length > 0 ? (
        <>
          <p className={styles.ruleTitle}>
            <Badge appearance="filled" color="danger">
              Error
            </Badge>
            <strong>Unreachable images</strong>
          </p>
          <ul className={styles.instances} aria-label="Unreachable images">
            {images.unreachable.map((image) => (
              <li key={image.location}>
                <code className={styles.location}>{image.location}</code>
                {`${image.fileName}: ${image.problem.message}`}
                <span className={styles.uri}> {image.url}</span>
              </li>
            ))}
            {more > 0 ? (
              <li className={styles.muted}>{`and ${more.toLocaleString()} more`}</li>
            ) : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}
