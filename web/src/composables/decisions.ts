// Words for a plan's decisions (issue 19) in the page's language: the kinds of emergency, the
// assessment's recommendation, what a return or rejection was, and a plan's stage as the board
// shows it (a returned draft reads 已退回修改).
import { useI18n } from 'vue-i18n';
import { displayStage } from '../lib/plans';

export function useDecisionWords() {
  const { t, te } = useI18n();
  const named = (prefix: string, code: string) => (te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code);
  return {
    kindLabel: (kind: string) => named('decisions.kind', kind),
    recommendationLabel: (recommendation: string) => named('decisions.recommendation', recommendation),
    decisionLabel: (action: string) => named('decisions.decision', action),
    /** 草案 / 公示中 / … and 已退回修改 for a returned draft. */
    statusLabel: (status: { state: string; returned?: boolean }) => named('stage', displayStage(status)),
    /** The badge class of a stage: red for a plan the council, the assessor or the street said no to. */
    statusBadge: (status: { state: string; returned?: boolean }) =>
      ['returned', 'rejected'].includes(displayStage(status)) ? 'badge--red' : 'badge--status',
  };
}
