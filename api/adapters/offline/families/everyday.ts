import { dataset, kpi, pick, tab, type Family } from './family';

export const restaurant: Family = {
  id: 'restaurant',
  keywords: ['restaurant', 'cafe', 'café', 'coffee shop', 'coffee house', 'bistro', 'diner', 'pizzeria', 'food truck', 'bakery', 'bar', 'pub', 'eatery', 'steakhouse', 'sushi bar', 'tea house'],
  draft: (w) => ({
    industryName: w.title.length <= 40 ? w.title : 'Restaurant',
    companyName: pick(['Copper Kettle', 'Saffron & Sage', 'The Corner Table'], w.seed),
    tagline: pick(['Good food, warm welcome, every day.', 'Made fresh, served with a smile.'], w.seed),
    primaryColor: '#b5452c',
    personaRole: 'regular guest',
    tone: ['warm', 'friendly', 'upbeat'],
    vocabulary: ['reservation', 'daily special', 'tasting menu', 'takeout', 'delivery', 'loyalty stamp', 'chef', 'brunch', 'happy hour', 'seasonal menu'],
    voice: 'ballad',
    datasets: [
      dataset('visits', 'Visits', 'count', 'count', 'bar', 'seasonal', 3, 0, ['visits', 'dine-in visits', 'meals out']),
      dataset('spend', 'Monthly spend', 'USD', 'flow', 'bar', 'seasonal', 120, 1, ['spend', 'spending', 'bill', 'what i spent']),
      dataset('orders', 'Takeout orders', 'count', 'count', 'bar', 'seasonal', 2, 0, ['takeout', 'orders', 'delivery orders']),
      dataset('loyalty_points', 'Loyalty points', 'points', 'balance', 'line', 'walk', 640, 25, ['loyalty', 'points', 'rewards', 'stamps']),
      dataset('reservations', 'Reservations', 'count', 'count', 'bar', 'seasonal', 1, 0, ['reservations', 'bookings', 'tables']),
      dataset('gift_card', 'Gift card balance', 'USD', 'balance', 'area', 'burndown', 75, -4, ['gift card', 'voucher', 'gift balance']),
    ],
    tabs: [
      tab('menu', 'Menu', 'star', 'visits', 'spend'),
      tab('orders', 'Orders', 'box', 'orders', 'spend'),
      tab('reservations', 'Reservations', 'calendar', 'reservations', 'visits'),
      tab('rewards', 'Rewards', 'gift', 'loyalty_points'),
      tab('wallet', 'Wallet', 'wallet', 'gift_card', 'spend'),
    ],
    metrics: [
      kpi('points', 'Loyalty points', 'score', 'star', 'loyalty_points', 'last'),
      kpi('visits_12m', 'Visits (12 months)', 'number', 'calendar', 'visits', 'sum12'),
      kpi('spend_12m', 'Spent (12 months)', 'currency', 'wallet', 'spend', 'sum12'),
      kpi('gift_card_balance', 'Gift card balance', 'currency', 'gift', 'gift_card', 'last'),
    ],
  }),
};

export const hotel: Family = {
  id: 'hotel',
  keywords: ['hotel', 'resort', 'inn', 'motel', 'hostel', 'lodge', 'bed and breakfast', 'b&b', 'guest house', 'vacation rental'],
  draft: (w) => ({
    industryName: w.title.length <= 40 ? w.title : 'Hotel',
    companyName: pick(['Larkspur Hotels', 'Tidewater Resorts', 'The Alder Inn'], w.seed),
    tagline: pick(['Stay a little longer.', 'Your home between journeys.'], w.seed),
    primaryColor: '#6b4fa0',
    personaRole: 'guest',
    tone: ['warm', 'professional', 'calm'],
    vocabulary: ['check-in', 'suite', 'late checkout', 'room upgrade', 'concierge', 'loyalty nights', 'spa', 'room service', 'folio', 'amenities'],
    voice: 'shimmer',
    datasets: [
      dataset('nights', 'Nights stayed', 'count', 'count', 'bar', 'seasonal', 2, 0, ['nights', 'nights stayed', 'stays']),
      dataset('stay_spend', 'Stay spend', 'USD', 'flow', 'bar', 'seasonal', 420, 2, ['spend', 'stay spend', 'hotel bills', 'folio']),
      dataset('loyalty_points', 'Loyalty points', 'points', 'balance', 'line', 'walk', 24000, 600, ['points', 'loyalty points', 'rewards']),
      dataset('upgrades', 'Room upgrades', 'count', 'count', 'bar', 'walk', 0.4, 0, ['upgrades', 'room upgrades']),
      dataset('status_nights', 'Status nights', 'count', 'balance', 'area', 'walk', 18, 1, ['status', 'elite nights', 'tier progress']),
      dataset('spa', 'Spa and dining', 'USD', 'flow', 'bar', 'seasonal', 90, 0, ['spa', 'dining', 'extras']),
    ],
    tabs: [
      tab('stays', 'Stays', 'house', 'nights', 'stay_spend'),
      tab('rewards', 'Rewards', 'star', 'loyalty_points', 'status_nights'),
      tab('upgrades', 'Upgrades', 'gift', 'upgrades'),
      tab('extras', 'Spa & Dining', 'heart', 'spa'),
      tab('trips', 'Trips', 'map', 'nights', 'status_nights'),
    ],
    metrics: [
      kpi('points', 'Loyalty points', 'score', 'star', 'loyalty_points', 'last'),
      kpi('nights_12m', 'Nights (12 months)', 'number', 'house', 'nights', 'sum12'),
      kpi('status_nights', 'Status nights', 'number', 'ticket', 'status_nights', 'last'),
      kpi('spend_12m', 'Stay spend (12 months)', 'currency', 'wallet', 'stay_spend', 'sum12'),
    ],
  }),
};

export const fitness: Family = {
  id: 'fitness',
  keywords: ['gym', 'fitness', 'fitness club', 'health club', 'yoga studio', 'yoga', 'pilates', 'crossfit', 'climbing gym', 'martial arts', 'personal trainer'],
  draft: (w) => ({
    industryName: w.title.length <= 40 ? w.title : 'Fitness club',
    companyName: pick(['Ironbark Fitness', 'Pulse & Flow', 'Summit Athletic Club'], w.seed),
    tagline: pick(['Stronger every week.', 'Move more, feel better.'], w.seed),
    primaryColor: '#d2274f',
    personaRole: 'member',
    tone: ['energetic', 'upbeat', 'confident'],
    vocabulary: ['class pass', 'personal training', 'HIIT', 'spin class', 'personal best', 'streak', 'recovery', 'membership', 'locker', 'trainer'],
    voice: 'echo',
    datasets: [
      dataset('workouts', 'Workouts', 'count', 'count', 'bar', 'seasonal', 12, 0.1, ['workouts', 'sessions', 'gym visits']),
      dataset('active_minutes', 'Active minutes', 'count', 'flow', 'line', 'seasonal', 640, 4, ['active minutes', 'minutes', 'exercise time']),
      dataset('classes', 'Classes booked', 'count', 'count', 'bar', 'seasonal', 5, 0, ['classes', 'class bookings', 'spin', 'yoga classes']),
      dataset('streak', 'Best weekly streak', 'days', 'count', 'line', 'walk', 9, 0.2, ['streak', 'best streak']),
      dataset('fitness_score', 'Fitness score', 'points', 'score', 'line', 'walk', 72, 0.3, ['fitness score', 'fitness level', 'score']),
      dataset('membership_spend', 'Membership and extras', 'USD', 'flow', 'bar', 'walk', 65, 0, ['membership', 'fees', 'spend']),
    ],
    tabs: [
      tab('activity', 'Activity', 'bolt', 'workouts', 'active_minutes'),
      tab('classes', 'Classes', 'calendar', 'classes'),
      tab('progress', 'Progress', 'chart', 'fitness_score', 'streak'),
      tab('membership', 'Membership', 'card', 'membership_spend'),
      tab('goals', 'Goals', 'star', 'active_minutes', 'fitness_score'),
    ],
    metrics: [
      kpi('workouts_12m', 'Workouts (12 months)', 'number', 'bolt', 'workouts', 'sum12'),
      kpi('fitness_now', 'Fitness score', 'score', 'heart', 'fitness_score', 'last'),
      kpi('classes_month', 'Classes this month', 'number', 'calendar', 'classes', 'last'),
      kpi('streak_now', 'Best streak', 'days', 'star', 'streak', 'last'),
    ],
  }),
};

export const school: Family = {
  id: 'school',
  keywords: ['school', 'high school', 'university', 'college', 'academy', 'tutoring', 'preschool', 'kindergarten', 'language school', 'online course', 'coding bootcamp'],
  draft: (w) => ({
    industryName: w.title.length <= 40 ? w.title : 'School',
    companyName: pick(['Brightwater Academy', 'Oakridge College', 'Lantern Learning'], w.seed),
    tagline: pick(['Curious minds, bright futures.', 'Learning that goes further.'], w.seed),
    primaryColor: '#2657a8',
    personaRole: 'student',
    tone: ['friendly', 'helpful', 'upbeat'],
    vocabulary: ['semester', 'credits', 'GPA', 'assignment', 'office hours', 'syllabus', 'tuition', 'study group', 'transcript', 'enrolment'],
    voice: 'verse',
    datasets: [
      dataset('attendance', 'Attendance', 'percent', 'rate', 'line', 'walk', 94, 0.05, ['attendance', 'classes attended']),
      dataset('grade_average', 'Grade average', 'points', 'score', 'line', 'walk', 84, 0.2, ['grades', 'grade average', 'gpa', 'marks']),
      dataset('assignments', 'Assignments completed', 'count', 'count', 'bar', 'seasonal', 9, 0, ['assignments', 'homework', 'coursework']),
      dataset('study_hours', 'Study hours', 'count', 'flow', 'bar', 'seasonal', 38, 0.2, ['study hours', 'study time', 'hours studied']),
      dataset('tuition_balance', 'Tuition balance', 'USD', 'balance', 'area', 'burndown', 6400, -480, ['tuition', 'tuition balance', 'fees owed']),
      dataset('library_loans', 'Library loans', 'count', 'count', 'bar', 'seasonal', 3, 0, ['library', 'books borrowed', 'loans']),
    ],
    tabs: [
      tab('courses', 'Courses', 'briefcase', 'grade_average', 'assignments'),
      tab('attendance', 'Attendance', 'calendar', 'attendance'),
      tab('study', 'Study', 'star', 'study_hours', 'library_loans'),
      tab('tuition', 'Tuition', 'wallet', 'tuition_balance'),
      tab('library', 'Library', 'file', 'library_loans'),
    ],
    metrics: [
      kpi('grade_now', 'Grade average', 'score', 'star', 'grade_average', 'last'),
      kpi('attendance_now', 'Attendance', 'percent', 'calendar', 'attendance', 'last'),
      kpi('assignments_12m', 'Assignments (12 months)', 'number', 'file', 'assignments', 'sum12'),
      kpi('tuition_left', 'Tuition balance', 'currency', 'wallet', 'tuition_balance', 'last'),
    ],
  }),
};
