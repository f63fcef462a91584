import { FluentProvider, Subtitle1, Tab, TabList, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { ApiError, type ApiClient } from '../api';
import type { InviteCandidate } from '../contract';
import { translator, type UiLanguage } from '../i18n';
import { outlookHost, previewHost, type Host } from '../host';
import { debounce, LatestOnly, REANALYZE_DEBOUNCE_MS } from '../logic/debounce';
import { draftFromPreview } from '../logic/previewDraft';
import { parseSmartAlertContext } from '../logic/sendDecision';
import { shouldOfferExchange } from '../logic/view';
import { initialState, reducer, type PaneError } from '../state';
import { CheckView } from './CheckView';
import { CommitmentsView } from './CommitmentsView';
import { InvitePanel } from './InvitePanel';
import { PreviewFormView } from './PreviewFormView';
import { useStyles } from './styles';

export interface AppProps {
  mode: 'outlook' | 'preview';
  lang: UiLanguage;
  dark: boolean;
  api: ApiClient;
  /** Overrides the host (tests). */
  host?: Host;
}

function toPaneError(e: unknown): PaneError {
  if (e instanceof ApiError) return { kind: e.kind, message: e.message, status: e.status, detail: e.problem?.detail || e.problem?.title || null };
  return { kind: 'office', message: e instanceof Error ? e.message : String(e) };
}

export function App(props: AppProps) {
  const s = useStyles();
  const [state, dispatch] = useReducer(reducer, undefined, () => ({
    ...initialState(props.lang),
    mode: props.mode,
    dark: props.dark,
  }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const t = useMemo(() => translator(state.lang), [state.lang]);
  const { api } = props;

  const host = useMemo<Host>(
    () =>
      props.host ??
      (props.mode === 'outlook'
        ? outlookHost
        : previewHost(
            () => draftFromPreview(stateRef.current.preview),
            (body) => dispatch({ type: 'preview/edit', patch: { body } }),
          )),
    [props.host, props.mode],
  );

  const latest = useRef(new LatestOnly());
  const analyze = useCallback(async () => {
    const ticket = latest.current.next();
    dispatch({ type: 'analysis/start' });
    try {
      const draft = await host.readDraft();
      const result = await api.analyze(draft);
      if (latest.current.isLatest(ticket)) dispatch({ type: 'analysis/done', draft, result, at: Date.now() });
    } catch (e) {
      if (latest.current.isLatest(ticket)) dispatch({ type: 'analysis/error', error: toPaneError(e) });
    }
  }, [api, host]);

  const debounced = useMemo(() => debounce(() => void analyze(), REANALYZE_DEBOUNCE_MS), [analyze]);

  useEffect(() => {
    if (props.mode !== 'outlook') return;
    void analyze();
    host.smartAlertContext((context) => {
      const missing = parseSmartAlertContext(context);
      if (missing) {
        dispatch({ type: 'sendPaused', missing });
        debounced.flush();
      }
    });
    const unsubscribe = host.subscribe(() => debounced.trigger());
    // Body edits raise no Office event: when the rep comes back to the pane after typing, check again.
    const onFocus = () => debounced.trigger();
    window.addEventListener('focus', onFocus);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', onFocus);
      debounced.cancel();
    };
  }, [props.mode, host, analyze, debounced]);

  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appName');
  }, [state.lang, t]);

  const insertTemplate = useCallback(async () => {
    const result = stateRef.current.analysis.result;
    if (!result) return;
    dispatch({ type: 'template/start' });
    try {
      await host.insertTemplate(result.closingTemplate);
      dispatch({ type: 'template/done' });
      debounced.flush();
    } catch (e) {
      dispatch({ type: 'template/error', error: e instanceof Error ? e.message : String(e) });
    }
  }, [host, debounced]);

  const suggest = useCallback(async () => {
    dispatch({ type: 'invite/start' });
    try {
      const draft = await host.readDraft();
      dispatch({ type: 'invite/done', suggestion: await api.suggestInvite(draft) });
    } catch (e) {
      dispatch({ type: 'invite/error', error: toPaneError(e) });
    }
  }, [api, host]);

  const openMeeting = useCallback(
    async (c: InviteCandidate) => {
      const suggestion = stateRef.current.invite.suggestion;
      if (!suggestion) return;
      const start = new Date(c.start);
      const end = c.end ? new Date(c.end) : new Date(start.getTime() + suggestion.durationMinutes * 60_000);
      try {
        await host.openMeeting({
          subject: suggestion.subject,
          body: suggestion.agenda,
          start,
          end,
          requiredAttendees: suggestion.attendees.map((a) => a.address ?? '').filter(Boolean),
        });
      } catch {
        dispatch({ type: 'invite/formUnavailable' });
      }
    },
    [host],
  );

  const loadCommitments = useCallback(async () => {
    dispatch({ type: 'commitments/start' });
    const [open, overdue, stalled] = await Promise.allSettled([api.commitments('open'), api.commitments('overdue'), api.stalled()]);
    if (open.status === 'rejected') {
      dispatch({ type: 'commitments/error', error: toPaneError(open.reason) });
      return;
    }
    // Stalled checks replies through Graph; without it the API lists overdue ones with a note.
    const overdueItems = overdue.status === 'fulfilled' ? overdue.value.items : [];
    const overdueIds = new Set(overdueItems.map((c) => c.id));
    dispatch({
      type: 'commitments/done',
      open: open.value.items.filter((c) => !overdueIds.has(c.id)),
      overdue: overdueItems,
      stalled: stalled.status === 'fulfilled' ? stalled.value.items : [],
      stalledNote: stalled.status === 'fulfilled' ? (stalled.value.note ?? null) : null,
    });
  }, [api]);

  const markDone = useCallback(
    async (id: string) => {
      try {
        await api.markDone(id);
        dispatch({ type: 'commitments/markedDone', id });
      } catch (e) {
        dispatch({ type: 'commitments/error', error: toPaneError(e) });
      }
    },
    [api],
  );

  useEffect(() => {
    if (state.tab === 'commitments' && state.commitments.status === 'idle') void loadCommitments();
  }, [state.tab, state.commitments.status, loadCommitments]);

  const apiWhere = api.displayBase;
  return (
    <FluentProvider theme={state.dark ? webDarkTheme : webLightTheme} className={s.root} data-mode={state.mode} data-lang={state.lang}>
      <header className={s.header}>
        <Subtitle1 as="h1">{t('appName')}</Subtitle1>
      </header>
      <TabList
        size="small"
        selectedValue={state.tab}
        onTabSelect={(_, d) => dispatch({ type: 'tab', tab: d.value === 'commitments' ? 'commitments' : 'check' })}
      >
        <Tab value="check">{state.mode === 'preview' ? `${t('tabCheck')} · ${t('previewTitle')}` : t('tabCheck')}</Tab>
        <Tab value="commitments">{t('tabCommitments')}</Tab>
      </TabList>
      <main className={s.body}>
        {state.tab === 'check' ? (
          <>
            {state.mode === 'preview' && (
              <PreviewFormView
                state={state}
                t={t}
                onEdit={(patch) => dispatch({ type: 'preview/edit', patch })}
                onLanguage={(lang) => dispatch({ type: 'language', lang })}
                onAnalyze={() => void analyze()}
              />
            )}
            <CheckView state={state} t={t} apiWhere={apiWhere} onReanalyze={() => debounced.flush()} onInsertTemplate={() => void insertTemplate()} />
            {(state.analysis.result || state.mode === 'outlook') && shouldOfferExchange(state.analysis.result) && (
              <InvitePanel state={state} t={t} apiWhere={apiWhere} onSuggest={() => void suggest()} onOpen={(c) => void openMeeting(c)} />
            )}
          </>
        ) : (
          <CommitmentsView state={state} t={t} apiWhere={apiWhere} onRefresh={() => void loadCommitments()} onDone={(id) => void markDone(id)} />
        )}
      </main>
    </FluentProvider>
  );
}
