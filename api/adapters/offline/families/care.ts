import { dataset, kpi, pick, tab, type Family } from './family';

/** Pet care, not human healthcare: patients are pets, the customer is their owner. */
export const veterinary: Family = {
  id: 'veterinary',
  keywords: ['veterinary', 'veterinarian', 'vet', 'vets', 'vet clinic', 'animal hospital', 'animal clinic', 'pet clinic', 'pet hospital', 'pet care', 'pet wellness'],
  draft: (w) => ({
    industryName: 'Veterinary clinic',
    companyName: pick(['Willowbrook Animal Clinic', 'Maple Paw Veterinary', 'Riverside Pet Hospital'], w.seed),
    tagline: pick(['Gentle care for every paw, claw and whisker.', 'Healthy pets, happy homes.'], w.seed),
    primaryColor: '#2f8f62',
    personaRole: 'pet owner',
    tone: ['warm', 'caring', 'friendly'],
    vocabulary: ['wellness exam', 'vaccination', 'booster', 'microchip', 'heartworm', 'flea and tick', 'dental cleaning', 'spay and neuter', 'boarding', 'grooming', 'vet tech', 'care plan'],
    voice: 'coral',
    datasets: [
      dataset('wellness_score', 'Pet wellness score', 'points', 'score', 'line', 'walk', 86, 0.2, ['wellness', 'wellness score', 'pet health', 'health score']),
      dataset('visits', 'Clinic visits', 'count', 'count', 'bar', 'seasonal', 1.2, 0, ['visits', 'clinic visits', 'checkups', 'exams']),
      dataset('vaccine_coverage', 'Vaccines up to date', 'percent', 'rate', 'line', 'walk', 92, 0.1, ['vaccines up to date', 'vaccine coverage', 'immunization']),
      dataset('vaccinations', 'Vaccinations given', 'count', 'count', 'bar', 'seasonal', 0.6, 0, ['vaccinations', 'vaccines', 'shots', 'boosters']),
      dataset('appointments', 'Appointments booked', 'count', 'count', 'bar', 'seasonal', 1.5, 0, ['appointments', 'bookings', 'upcoming appointments']),
      dataset('prescriptions', 'Prescription refills', 'count', 'count', 'bar', 'walk', 1, 0, ['prescriptions', 'refills', 'medication', 'pet pharmacy']),
      dataset('vet_bills', 'Vet bills', 'USD', 'flow', 'bar', 'seasonal', 140, 0, ['vet bills', 'bills', 'invoices', 'spending']),
      dataset('care_plan', 'Care plan balance', 'USD', 'balance', 'area', 'walk', 320, 12, ['care plan', 'wellness plan', 'plan balance']),
    ],
    tabs: [
      tab('patients', 'Patients', 'paw', 'wellness_score', 'visits'),
      tab('vaccinations', 'Vaccinations', 'shield', 'vaccine_coverage', 'vaccinations'),
      tab('appointments', 'Appointments', 'calendar', 'appointments', 'visits'),
      tab('pharmacy', 'Pharmacy', 'pill', 'prescriptions'),
      tab('billing', 'Billing', 'wallet', 'vet_bills', 'care_plan'),
    ],
    metrics: [
      kpi('wellness', 'Pet wellness score', 'score', 'heart', 'wellness_score', 'last'),
      kpi('vaccines_current', 'Vaccines up to date', 'percent', 'shield', 'vaccine_coverage', 'last'),
      kpi('visits_12m', 'Visits (last 12 months)', 'number', 'paw', 'visits', 'sum12'),
      kpi('care_plan_balance', 'Care plan balance', 'currency', 'wallet', 'care_plan', 'last'),
    ],
  }),
};

/** A food bank is community food aid, not banking: donations in, meals out, volunteers in between. */
export const foodBank: Family = {
  id: 'food-bank',
  keywords: ['food bank', 'food pantry', 'pantry', 'soup kitchen', 'food rescue', 'meal program', 'community fridge', 'food shelf'],
  draft: (w) => ({
    industryName: 'Food bank',
    companyName: pick(['Harvest Table Food Bank', 'Common Ground Pantry', 'Open Hands Food Bank'], w.seed),
    tagline: pick(['No neighbour goes hungry.', 'Sharing food, building community.'], w.seed),
    primaryColor: '#d9731a',
    personaRole: 'volunteer',
    tone: ['warm', 'upbeat', 'empathetic'],
    vocabulary: ['food drive', 'pantry', 'meal program', 'food rescue', 'SNAP', 'volunteer shift', 'distribution day', 'fresh produce', 'partner agency', 'food insecurity', 'mobile pantry', 'pounds distributed'],
    voice: 'sage',
    datasets: [
      dataset('meals_served', 'Meals served', 'count', 'flow', 'bar', 'seasonal', 42000, 150, ['meals', 'meals served', 'meals distributed']),
      dataset('households', 'Households served', 'count', 'count', 'line', 'walk', 1300, 8, ['households', 'families served', 'clients']),
      dataset('food_donated', 'Food donated (lb)', 'count', 'flow', 'bar', 'seasonal', 18000, 60, ['food donated', 'food donations', 'pounds donated', 'food drive']),
      dataset('donations', 'Cash donations', 'USD', 'flow', 'bar', 'seasonal', 24000, 120, ['donations', 'cash donations', 'gifts', 'fundraising']),
      dataset('volunteers', 'Active volunteers', 'count', 'count', 'line', 'seasonal', 85, 0.5, ['volunteers', 'active volunteers', 'helpers']),
      dataset('volunteer_hours', 'Volunteer hours', 'count', 'flow', 'bar', 'seasonal', 620, 3, ['volunteer hours', 'hours volunteered', 'shifts']),
      dataset('inventory', 'Pantry stock (lb)', 'count', 'balance', 'area', 'walk', 30000, 40, ['inventory', 'stock', 'pantry stock', 'warehouse']),
      dataset('partners', 'Partner agencies', 'count', 'count', 'line', 'walk', 48, 0.3, ['partners', 'partner agencies', 'agencies']),
    ],
    tabs: [
      tab('donations', 'Donations', 'gift', 'donations', 'food_donated'),
      tab('meals', 'Meals', 'heart', 'meals_served', 'households'),
      tab('volunteers', 'Volunteers', 'users', 'volunteers', 'volunteer_hours'),
      tab('inventory', 'Inventory', 'box', 'inventory', 'food_donated'),
      tab('partners', 'Partners', 'map', 'partners', 'households'),
    ],
    metrics: [
      kpi('meals_12m', 'Meals served (12 months)', 'number', 'heart', 'meals_served', 'sum12'),
      kpi('households_now', 'Households served', 'number', 'home', 'households', 'last'),
      kpi('volunteers_now', 'Active volunteers', 'number', 'users', 'volunteers', 'last'),
      kpi('donations_12m', 'Donations (12 months)', 'currency', 'gift', 'donations', 'sum12'),
    ],
  }),
};
