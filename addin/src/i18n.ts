// UI strings in English and Simplified Chinese. The UI language follows Office.context.displayLanguage
// (or the preview's choice); the analysis itself follows the draft's language.

export type UiLanguage = 'en' | 'zh';

/** Picks the UI language from a BCP 47 tag such as "zh-CN", "en-US" (anything Chinese → zh). */
export function uiLanguage(displayLanguage: string | null | undefined): UiLanguage {
  const tag = (displayLanguage ?? '').trim().toLowerCase();
  return tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_') ? 'zh' : 'en';
}

const en = {
  appName: 'OutlookCommit',
  tabCheck: 'Check',
  tabCommitments: 'My commitments',
  outcome_continuation: 'Continuation',
  outcome_advance: 'Advance',
  outcome_closedLoop: 'Closed loop',
  outcomeHint_continuation: 'A pleasant talk, but no agreed next step yet.',
  outcomeHint_advance: 'A concrete next step with who and when.',
  outcomeHint_closedLoop: 'A concrete next step, and you ask them to confirm it.',
  element_action: 'Action',
  element_attendee: 'Who takes part',
  element_date: 'When',
  element_confirmation: 'Confirmation',
  present: 'present',
  missing: 'missing',
  optional: 'closes the loop',
  vagueHeading: 'Vague phrases',
  vague_vagueAction: 'vague action',
  vague_vagueTime: 'vague time',
  vague_vagueAsk: 'vague ask',
  rewriteAs: 'Try:',
  nextStepHeading: 'Next step',
  nextStep_none: 'No clear next-step type yet',
  nextStep_technicalExchange: 'Technical exchange',
  nextStep_introduction: 'Introduction',
  nextStep_visit: 'Visit',
  nextStep_onlineMeeting: 'Online meeting',
  nextStep_executiveMeeting: 'Executive meeting',
  nextStep_materials: 'Materials',
  reanalyze: 'Re-analyze',
  analyzing: 'Analyzing…',
  insertTemplate: 'Insert closing template',
  templateInserted: 'Closing template inserted. Fill in the [blanks].',
  templateHeading: 'Closing template',
  templateInsertFailed: 'Could not insert the template: {0}',
  copy: 'Copy',
  copied: 'Copied',
  apiUnreachable: 'Cannot reach the OutlookCommit service ({0}). Your draft is unchanged; check that the service is running and try again.',
  apiTimeout: 'The OutlookCommit service did not answer in time. Try again.',
  apiError: 'The OutlookCommit service reported a problem (HTTP {0}).',
  apiInvalid: 'The OutlookCommit service sent an answer the add-in cannot read. Your draft is unchanged; try again in a moment, or reload the add-in.',
  apiTooLarge: 'This draft is too large to check. Your draft is unchanged; remove older quoted text, then re-analyze.',
  apiMismatch: 'The add-in and the OutlookCommit service do not match (HTTP {0}). Reload the add-in; if this persists, tell your administrator.',
  apiSignIn: 'The OutlookCommit service did not accept your sign-in (HTTP {0}). Close and reopen the pane to sign in again.',
  apiBusy: 'The OutlookCommit service is busy. Wait a moment, then try again.',
  apiRejected: 'The OutlookCommit service could not read this draft (HTTP {0}).',
  apiServerError: 'The OutlookCommit service had a problem (HTTP {0}). Your draft is unchanged; try again in a moment.',
  officeError: 'Outlook did not give the draft to the add-in: {0}',
  truncated: 'The draft is long; only its beginning was checked.',
  checkedDraft: 'Draft:',
  sendPaused: 'Your send was paused. Missing: {0}. Insert the closing template and fill in the blanks, or send anyway.',
  lastChecked: 'Checked {0}',
  suggestExchange: 'Suggest a technical exchange',
  suggesting: 'Looking for times…',
  candidatesHeading: 'Candidate times',
  confidence: '{0}% likely free',
  availabilityUnknown: 'availability unknown',
  noCandidates: 'No candidate times.',
  openMeetingForm: 'Open meeting form',
  meetingFormUnavailable: 'This Outlook does not open a new meeting from a draft. Copy the details below into a new meeting.',
  copyDetails: 'Copy invite details',
  inviteSubject: 'Subject',
  inviteAttendees: 'Attendees',
  inviteTime: 'Time',
  inviteAgenda: 'Agenda',
  minutes: '{0} min',
  commitmentsOpen: 'Open',
  commitmentsOverdue: 'Overdue',
  commitmentsStalled: 'Stalled: no reply since your follow-up',
  commitmentsNone: 'Nothing here.',
  commitmentsLoading: 'Loading commitments…',
  due: 'due {0}',
  noDue: 'no due date',
  markDone: 'Mark done',
  refresh: 'Refresh',
  previewTitle: 'Preview',
  previewIntro: 'Outlook is not here, so this is the preview: paste a follow-up email and see what the add-in would tell the rep.',
  previewKind: 'Kind',
  previewKindMessage: 'Email',
  previewKindEvent: 'Meeting invite',
  previewSubject: 'Subject',
  previewBody: 'Body',
  previewTo: 'To (Name <address>, …)',
  previewCc: 'Cc',
  previewAttendees: 'Attendees (Name <address>, …)',
  previewStart: 'Start',
  previewEnd: 'End',
  previewLanguage: 'Pane language',
  analyze: 'Analyze',
  previewTemplateNote: 'In Outlook this goes into the draft at the cursor.',
  loadingOffice: 'Starting…',
};

export type StringKey = keyof typeof en;
type Dictionary = Record<StringKey, string>;

const zh: Dictionary = {
  appName: 'OutlookCommit',
  tabCheck: '检查',
  tabCommitments: '我的承诺',
  outcome_continuation: '仅是延续',
  outcome_advance: '推进',
  outcome_closedLoop: '闭环',
  outcomeHint_continuation: '聊得愉快，但还没有约定下一步。',
  outcomeHint_advance: '有具体的下一步，也有参与人和时间。',
  outcomeHint_closedLoop: '有具体的下一步，并请对方确认。',
  element_action: '行动',
  element_attendee: '参与人',
  element_date: '时间',
  element_confirmation: '确认',
  present: '已有',
  missing: '缺少',
  optional: '用于闭环',
  vagueHeading: '模糊的说法',
  vague_vagueAction: '行动模糊',
  vague_vagueTime: '时间模糊',
  vague_vagueAsk: '请求模糊',
  rewriteAs: '建议：',
  nextStepHeading: '下一步类型',
  nextStep_none: '还看不出下一步的类型',
  nextStep_technicalExchange: '技术交流',
  nextStep_introduction: '引荐',
  nextStep_visit: '拜访',
  nextStep_onlineMeeting: '线上会议',
  nextStep_executiveMeeting: '高层会面',
  nextStep_materials: '材料',
  reanalyze: '重新分析',
  analyzing: '正在分析…',
  insertTemplate: '插入收尾模板',
  templateInserted: '已插入收尾模板，请填写【空白】处。',
  templateHeading: '收尾模板',
  templateInsertFailed: '无法插入模板：{0}',
  copy: '复制',
  copied: '已复制',
  apiUnreachable: '无法连接 OutlookCommit 服务（{0}）。草稿没有改动；请确认服务已启动后重试。',
  apiTimeout: 'OutlookCommit 服务响应超时，请重试。',
  apiError: 'OutlookCommit 服务报告了问题（HTTP {0}）。',
  apiInvalid: 'OutlookCommit 服务返回了加载项无法读取的结果。草稿没有改动；请稍后重试，或重新加载加载项。',
  apiTooLarge: '草稿太长，无法检查。草稿没有改动；请删去较早的引用内容后重新分析。',
  apiMismatch: '加载项与 OutlookCommit 服务版本不匹配（HTTP {0}）。请重新加载加载项；如果仍然出现，请联系管理员。',
  apiSignIn: 'OutlookCommit 服务未接受您的登录（HTTP {0}）。请关闭并重新打开窗格以重新登录。',
  apiBusy: 'OutlookCommit 服务繁忙，请稍候再试。',
  apiRejected: 'OutlookCommit 服务无法读取这封草稿（HTTP {0}）。',
  apiServerError: 'OutlookCommit 服务出现问题（HTTP {0}）。草稿没有改动；请稍后重试。',
  officeError: 'Outlook 未能把草稿交给加载项：{0}',
  truncated: '草稿较长，只检查了开头部分。',
  checkedDraft: '草稿：',
  sendPaused: '发送已暂停。缺少：{0}。请插入收尾模板并填写空白处，或直接发送。',
  lastChecked: '检查于 {0}',
  suggestExchange: '建议一次技术交流',
  suggesting: '正在查找时间…',
  candidatesHeading: '候选时间',
  confidence: '{0}% 可能空闲',
  availabilityUnknown: '空闲情况未知',
  noCandidates: '没有候选时间。',
  openMeetingForm: '打开会议表单',
  meetingFormUnavailable: '此版本的 Outlook 不能从草稿中新建会议。请把下面的信息复制到新会议中。',
  copyDetails: '复制会议信息',
  inviteSubject: '主题',
  inviteAttendees: '参与人',
  inviteTime: '时间',
  inviteAgenda: '议程',
  minutes: '{0} 分钟',
  commitmentsOpen: '进行中',
  commitmentsOverdue: '已逾期',
  commitmentsStalled: '停滞：跟进后客户未回复',
  commitmentsNone: '暂无。',
  commitmentsLoading: '正在加载承诺…',
  due: '截止 {0}',
  noDue: '无截止时间',
  markDone: '标记完成',
  refresh: '刷新',
  previewTitle: '预览',
  previewIntro: '当前不在 Outlook 中，这是预览模式：粘贴一封跟进邮件，看看加载项会给销售什么提示。',
  previewKind: '类型',
  previewKindMessage: '邮件',
  previewKindEvent: '会议邀请',
  previewSubject: '主题',
  previewBody: '正文',
  previewTo: '收件人（姓名 <地址>，…）',
  previewCc: '抄送',
  previewAttendees: '参会人（姓名 <地址>，…）',
  previewStart: '开始',
  previewEnd: '结束',
  previewLanguage: '界面语言',
  analyze: '分析',
  previewTemplateNote: '在 Outlook 中，模板会插入到草稿的光标处。',
  loadingOffice: '正在启动…',
};

const dictionaries: Record<UiLanguage, Dictionary> = { en, zh };

export type Translate = (key: StringKey, ...args: Array<string | number>) => string;

/** Returns a translator for the language; {0}, {1}… are replaced by the arguments. An unknown key gives ''. */
export function translator(lang: UiLanguage): Translate {
  const dict = dictionaries[lang];
  return (key, ...args) =>
    (dict[key] ?? '').replace(/\{(\d+)\}/g, (whole, index: string) => {
      const value = args[Number(index)];
      return value === undefined ? whole : String(value);
    });
}

/** Every key has a non-empty string in every language (used by tests). */
export function missingTranslations(): string[] {
  const out: string[] = [];
  for (const lang of Object.keys(dictionaries) as UiLanguage[]) {
    for (const key of Object.keys(en) as StringKey[]) {
      if (!dictionaries[lang][key]?.trim()) out.push(`${lang}.${key}`);
    }
  }
  return out;
}

/** Formats an ISO time for the pane in the UI language, in the local time zone. */
export function formatTime(iso: string | null | undefined, lang: UiLanguage): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}
