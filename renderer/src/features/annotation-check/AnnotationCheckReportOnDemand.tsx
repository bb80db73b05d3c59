import type { ComponentProps } from 'react';
import { onDemand } from '../../components/common/on-demand';
import { plural } from '../../format/labels';
import type { AnnotationCheckReport } from './AnnotationCheckReport';
import { useReportStyles } from './report-styles';

type ReportProps = ComponentProps<typeof AnnotationCheckReport>;

/**
 * Until the report's code is here (it is fetched once the editor is idle, so this is rare):
 * the region's heading and first line where the report will put its own, so nothing jumps.
 */
function ReportStandIn({ run }: ReportProps) {
  const styles = useReportStyles();
  return (
    <section className={styles.report} aria-label="Annotation check">
      <h4 className={styles.title}>Annotation check</h4>
      <p className={styles.line}>{`Checking ${plural(run.checked.uris.length, 'file')}…`}</p>
    </section>
  );
}

/**
 * The region `Annotation check` (AnnotationCheckReport): its code, with the chart and
 * everything only the report uses, is not part of the editor's and loads on demand.
 */
export const AnnotationCheckReportOnDemand = onDemand(
  'AnnotationCheckReport',
  () => import('./AnnotationCheckReport').then((m) => m.AnnotationCheckReport),
  ReportStandIn,
);
