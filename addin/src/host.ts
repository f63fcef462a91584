// Where the draft comes from and goes to: Outlook (through office.ts) or the preview form.
import type { ClosingTemplate, Draft } from './contract';
import { templateInsertion } from './logic/view';
import * as office from './office';

export interface Host {
  readonly kind: 'outlook' | 'preview';
  readDraft(): Promise<Draft>;
  /** Inserts the closing template into the draft in the body's own format. */
  insertTemplate(template: ClosingTemplate): Promise<void>;
  /** Opens a pre-filled new meeting form; rejects with message 'unsupported' where the host cannot. */
  openMeeting(a: office.NewAppointment): Promise<void>;
  /** Calls back when recipients, attendees or times change; returns an unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  /** Calls back with the Smart Alert's context when its button opened (or re-targets) the pane. */
  smartAlertContext(onContext: (contextData: unknown) => void): void;
}

export const outlookHost: Host = {
  kind: 'outlook',
  readDraft: () => office.readDraft(),
  async insertTemplate(template) {
    const type = await office.getBodyType();
    const { coercion, data } = templateInsertion(type, template);
    await office.insertAtCursor(data, coercion);
  },
  openMeeting: (a) => office.displayNewAppointment(a),
  smartAlertContext(onContext) {
    void office.getInitializationContext().then((c) => c && onContext(c));
    void office.onInitializationContextChanged(onContext);
  },
  subscribe(onChange) {
    let remove: (() => Promise<void>) | null = null;
    let cancelled = false;
    void office
      .onItemChanged(onChange)
      .then((r) => {
        if (cancelled) void r();
        else remove = r;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (remove) void remove();
    };
  },
};

/** The preview's host: the form is the draft; the template goes after the rep's text. */
export function previewHost(get: () => Draft, setBody: (body: string) => void): Host {
  return {
    kind: 'preview',
    readDraft: async () => get(),
    async insertTemplate(template) {
      const draft = get();
      const body = (draft.body ?? '').replace(/\s+$/, '');
      setBody(`${body}${body ? '\n\n' : ''}${template.text}`);
    },
    openMeeting: async () => {
      throw new office.OfficeError('unsupported', 'unsupported');
    },
    subscribe: () => () => {},
    smartAlertContext: () => {},
  };
}
