/**
 * The texts of notifications in English, Russian and Kazakh, as ICU messages (rendered by
 * intl-messageformat in render.ts): a subject and a body per kind. Dates are formatted with
 * the `seat` format — long date and time in the organisation's seat zone, named — so the
 * reader is never left to guess which clock a deadline is on.
 *
 * No ASCII apostrophe in these texts: ICU treats it as an escape.
 */
import type { NotificationKind, NotificationLanguage } from '../../protocol/notifications.ts';
import type { ModalityEventType } from '../../core/index.ts';

export interface NotificationText {
  readonly subject: string;
  readonly body: string;
}

/** What each kind's messages are given; `deadline` and `startsAt` are instants (ISO strings). */
export interface NotificationParamsByKind {
  'note-verbale': { number: string; subject: string; sender: string };
  'meeting-invitation': { meeting: string; startsAt: string; place: string };
  /** `delegation`: the proposing delegation's code, or 'chair' for a chair's proposal. */
  'followed-proposal': { delegation: string; provision: string; document: string };
  'deadline-approaching': { what: 'step' | 'silence'; process: string; step: ModalityEventType | 'none'; deadline: string };
  'silence-opened': { process: string; deadline: string };
  'silence-broken': { process: string; state: string; objection: string };
}

/** Params that hold instants and are formatted as dates. */
export const DATE_PARAMS: readonly string[] = ['deadline', 'startsAt'];

export const NOTIFICATION_MESSAGES: Readonly<Record<NotificationLanguage, Readonly<Record<NotificationKind, NotificationText>>>> = {
  en: {
    'note-verbale': {
      subject: 'Note verbale No. {number}: {subject}',
      body: '{sender} has addressed note verbale No. {number} to your delegation: {subject}.',
    },
    'meeting-invitation': {
      subject: 'Invitation: {meeting}',
      body: 'You are invited to {meeting} on {startsAt, date, seat} ({place}).',
    },
    'followed-proposal': {
      subject: 'New proposal on paragraph {provision}',
      body: '{delegation, select, chair {The Chair} other {{delegation}}} made a proposal on paragraph {provision} of “{document}”, which you follow.',
    },
    'deadline-approaching': {
      subject: '{what, select, silence {Silence procedure ends soon: {process}} other {Deadline approaching: {process}}}',
      body:
        '{what, select, silence {The silence procedure on “{process}” ends on {deadline, date, seat}. An objection must reach the Secretariat in writing before then.} other {Due by {deadline, date, seat} on “{process}”: {step}.}}',
    },
    'silence-opened': {
      subject: 'Silence procedure opened: {process}',
      body: 'A silence procedure on “{process}” runs until {deadline, date, seat}. Unless a member state breaks silence with a written objection before then, the paper stands approved.',
    },
    'silence-broken': {
      subject: 'Silence broken: {process}',
      body: '{state} broke the silence on “{process}” with a written objection: {objection}',
    },
  },
  ru: {
    'note-verbale': {
      subject: 'Вербальная нота № {number}: {subject}',
      body: '{sender} направляет вашей делегации вербальную ноту № {number}: {subject}.',
    },
    'meeting-invitation': {
      subject: 'Приглашение: {meeting}',
      body: 'Вы приглашены на мероприятие «{meeting}», которое состоится {startsAt, date, seat} ({place}).',
    },
    'followed-proposal': {
      subject: 'Новое предложение по пункту {provision}',
      body: '{delegation, select, chair {Председатель внёс} other {Делегация {delegation} внесла}} предложение по пункту {provision} документа «{document}», за которым вы следите.',
    },
    'deadline-approaching': {
      subject: '{what, select, silence {Скоро завершается процедура умолчания: {process}} other {Приближается срок: {process}}}',
      body:
        '{what, select, silence {Процедура умолчания по «{process}» завершается {deadline, date, seat}. Возражение должно поступить в Секретариат в письменной форме до этого срока.} other {До {deadline, date, seat} по «{process}» требуется: {step}.}}',
    },
    'silence-opened': {
      subject: 'Объявлена процедура умолчания: {process}',
      body: 'Процедура умолчания по «{process}» продлится до {deadline, date, seat}. Если до этого срока ни одно государство-член не нарушит молчание письменным возражением, документ считается утверждённым.',
    },
    'silence-broken': {
      subject: 'Молчание нарушено: {process}',
      body: '{state} нарушает молчание по «{process}» письменным возражением: {objection}',
    },
  },
  kk: {
    'note-verbale': {
      subject: '№ {number} вербалдық нота: {subject}',
      body: '{sender} сіздің делегацияңызға № {number} вербалдық нотасын жолдады: {subject}.',
    },
    'meeting-invitation': {
      subject: 'Шақыру: {meeting}',
      body: 'Сіз {startsAt, date, seat} өтетін «{meeting}» іс-шарасына шақырыласыз ({place}).',
    },
    'followed-proposal': {
      subject: '{provision} тармағы бойынша жаңа ұсыныс',
      body: '{delegation, select, chair {Төраға} other {{delegation} делегациясы}} сіз бақылайтын «{document}» құжатының {provision} тармағы бойынша ұсыныс енгізді.',
    },
    'deadline-approaching': {
      subject: '{what, select, silence {Үнсіздік рәсімі жақында аяқталады: {process}} other {Мерзім жақындап қалды: {process}}}',
      body:
        '{what, select, silence {«{process}» бойынша үнсіздік рәсімі {deadline, date, seat} аяқталады. Қарсылық Хатшылыққа осы мерзімге дейін жазбаша түрде жетуі тиіс.} other {«{process}» бойынша {deadline, date, seat} дейін: {step}.}}',
    },
    'silence-opened': {
      subject: 'Үнсіздік рәсімі басталды: {process}',
      body: '«{process}» бойынша үнсіздік рәсімі {deadline, date, seat} дейін жүреді. Осы мерзімге дейін бірде-бір мүше мемлекет жазбаша қарсылықпен үнсіздікті бұзбаса, құжат бекітілген болып саналады.',
    },
    'silence-broken': {
      subject: 'Үнсіздік бұзылды: {process}',
      body: '{state} «{process}» бойынша жазбаша қарсылық білдіріп, үнсіздікті бұзды: {objection}',
    },
  },
};

/** What is due, per step, for the deadline reminder ("Due by … : {step}"). */
export const STEP_NAMES: Readonly<Record<NotificationLanguage, Readonly<Record<ModalityEventType, string>>>> = {
  en: {
    'interest.expressed': 'member states express interest in the priority area',
    'chairman.consulted': 'the Chairman consults the interested states on coordinators',
    'coordinator.appointed': 'the Chairman appoints the coordinating country',
    'concept-paper.drafted': 'the coordinator drafts the concept paper',
    'paper.circulated': 'the Secretariat circulates the concept paper',
    'views.exchanged': 'member states share their views',
    'database.compiled': 'the views are compiled into the database',
    'experts.nominated': 'member states nominate experts and academicians',
    'specialized-meeting.organised': 'the Secretariat organises a specialized meeting of experts',
    'working-paper.produced': 'the experts produce a working paper',
    'swg.considered': 'the SWG considers the paper',
    'soc.submitted': 'the paper agreed by the SWG is submitted to the SOC',
    'soc.approved': 'the SOC approves the paper',
    'silence.opened': 'a silence procedure is opened',
    'silence.broken': 'silence is broken by a written objection',
    'silence.concluded': 'the end of the silence procedure is recorded',
  },
  ru: {
    'interest.expressed': 'государства-члены заявляют о заинтересованности в приоритетной области',
    'chairman.consulted': 'Председатель консультируется с заинтересованными государствами о координаторах',
    'coordinator.appointed': 'Председатель назначает страну-координатора',
    'concept-paper.drafted': 'координатор готовит концептуальный документ',
    'paper.circulated': 'Секретариат распространяет концептуальный документ',
    'views.exchanged': 'государства-члены обмениваются мнениями',
    'database.compiled': 'мнения сводятся в базу данных',
    'experts.nominated': 'государства-члены выдвигают экспертов и учёных',
    'specialized-meeting.organised': 'Секретариат организует специализированное совещание экспертов',
    'working-paper.produced': 'эксперты готовят рабочий документ',
    'swg.considered': 'СРГ рассматривает документ',
    'soc.submitted': 'согласованный СРГ документ представляется КСДЛ',
    'soc.approved': 'КСДЛ утверждает документ',
    'silence.opened': 'объявляется процедура умолчания',
    'silence.broken': 'молчание нарушается письменным возражением',
    'silence.concluded': 'фиксируется завершение процедуры умолчания',
  },
  kk: {
    'interest.expressed': 'мүше мемлекеттер басым бағытқа қызығушылық білдіреді',
    'chairman.consulted': 'Төраға мүдделі мемлекеттермен үйлестірушілер туралы кеңеседі',
    'coordinator.appointed': 'Төраға үйлестіруші елді тағайындайды',
    'concept-paper.drafted': 'үйлестіруші тұжырымдамалық құжатты дайындайды',
    'paper.circulated': 'Хатшылық тұжырымдамалық құжатты таратады',
    'views.exchanged': 'мүше мемлекеттер пікір алмасады',
    'database.compiled': 'пікірлер дерекқорға жинақталады',
    'experts.nominated': 'мүше мемлекеттер сарапшылар мен ғалымдарды ұсынады',
    'specialized-meeting.organised': 'Хатшылық сарапшылардың арнайы кеңесін ұйымдастырады',
    'working-paper.produced': 'сарапшылар жұмыс құжатын дайындайды',
    'swg.considered': 'АЖТ құжатты қарайды',
    'soc.submitted': 'АЖТ келіскен құжат ЛАК-қа ұсынылады',
    'soc.approved': 'ЛАК құжатты бекітеді',
    'silence.opened': 'үнсіздік рәсімі басталады',
    'silence.broken': 'үнсіздік жазбаша қарсылықпен бұзылады',
    'silence.concluded': 'үнсіздік рәсімінің аяқталғаны тіркеледі',
  },
};
