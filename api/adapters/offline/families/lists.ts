import type { DraftAction, DraftList, GeneratedModeDraft } from '../../../contracts/generated-mode';

type Presentation = Pick<GeneratedModeDraft, 'lists' | 'actions' | 'lead'>;
const l = (kind: DraftList['kind'], title: string): DraftList => ({ id: kind, kind, title });
const a = (kind: DraftAction['kind'], label: string): DraftAction => ({ id: kind, kind, label });

/**
 * What each offline family's portal leads with: its lists and primary actions. Families not named
 * here get the default of their industry words (api/domain/modes/presentation.ts) when built.
 * Tabs get the lists that fit their names at build time too.
 */
const BY_FAMILY: Record<string, Presentation> = {
  veterinary: {
    lists: [l('appointments', 'Upcoming visits'), l('prescriptions', 'Medications')],
    actions: [a('book', 'Book a visit'), a('refill', 'Refill')],
    lead: 'list',
  },
  dental: {
    lists: [l('appointments', 'Upcoming appointments'), l('bills', 'Statements')],
    actions: [a('book', 'Book a cleaning'), a('contact', 'Message the office')],
    lead: 'list',
  },
  pharmacy: {
    lists: [l('prescriptions', 'Prescriptions'), l('orders', 'Recent orders')],
    actions: [a('refill', 'Refill'), a('contact', 'Ask a pharmacist')],
    lead: 'list',
  },
  salon: {
    lists: [l('appointments', 'Your bookings')],
    actions: [a('book', 'Book'), a('contact', 'Message the salon')],
    lead: 'list',
  },
  fitness: {
    lists: [l('appointments', 'Booked classes')],
    actions: [a('book', 'Book a class'), a('contact', 'Message a coach')],
    lead: 'list',
  },
  restaurant: {
    lists: [l('orders', 'Recent orders'), l('reservations', 'Reservations')],
    actions: [a('reorder', 'Order again'), a('book', 'Book a table')],
    lead: 'list',
  },
  hotel: {
    lists: [l('reservations', 'Your stays')],
    actions: [a('book', 'Book a stay'), a('contact', 'Message the front desk')],
    lead: 'list',
  },
  telecom: {
    lists: [l('bills', 'Upcoming bills'), l('activity', 'Recent activity')],
    actions: [a('pay', 'Pay bill'), a('contact', 'Report an issue')],
    lead: 'chart',
  },
  'car-dealer': {
    lists: [l('appointments', 'Service appointments'), l('bills', 'Upcoming payments')],
    actions: [a('book', 'Book service'), a('pay', 'Make a payment')],
    lead: 'list',
  },
  logistics: {
    lists: [l('orders', 'Shipments')],
    actions: [a('reorder', 'Ship again'), a('contact', 'Contact support')],
    lead: 'list',
  },
  'home-services': {
    lists: [l('appointments', 'Upcoming visits'), l('bills', 'Invoices')],
    actions: [a('book', 'Book a visit'), a('pay', 'Pay invoice')],
    lead: 'list',
  },
  'law-firm': {
    lists: [l('appointments', 'Meetings'), l('bills', 'Invoices')],
    actions: [a('book', 'Book a meeting'), a('pay', 'Pay invoice')],
    lead: 'list',
  },
  accounting: {
    lists: [l('appointments', 'Meetings'), l('bills', 'Invoices')],
    actions: [a('book', 'Book a meeting'), a('pay', 'Pay invoice')],
    lead: 'list',
  },
  'real-estate': {
    lists: [l('appointments', 'Viewings')],
    actions: [a('book', 'Book a viewing'), a('contact', 'Message your agent')],
    lead: 'list',
  },
  'food-bank': {
    lists: [l('appointments', 'Volunteer shifts'), l('activity', 'Recent activity')],
    actions: [a('book', 'Sign up for a shift'), a('contact', 'Message the team')],
    lead: 'list',
  },
  school: {
    lists: [l('appointments', 'Upcoming events'), l('bills', 'Fees')],
    actions: [a('pay', 'Pay fees'), a('contact', 'Message the school')],
    lead: 'list',
  },
};

/** The draft with its family's lists and actions, unless it already carries its own. */
export function withFamilyLists(familyId: string, draft: GeneratedModeDraft): GeneratedModeDraft {
  const p = BY_FAMILY[familyId];
  if (!p || draft.lists || draft.actions) return draft;
  return { ...draft, ...p };
}
