/**
 * Word lists for the synthetic news corpus (see `generateSyntheticArticles`). Common words come in
 * roughly the order of their frequency in English news text (function words first, as in the Brown and
 * Reuters corpora), so a Zipf draw over this ranking gives "the" and "said" the share they really have
 * and makes questions full of common words as costly to the retriever as on real articles.
 */
export const commonWords: readonly string[] = `the of to and a in that for on is said was with he it as at by
from his be have has an are but not this who they were will had been which would its their more after
about one year new officials two also people government first over than last president told minister
talks against percent week country state police out up into united could when other security some
there all military what three against year's since city under while between where during before now
foreign national party leader public political former forces told announced report according million
group court election officials' billion economic chief early killed members economy agreement deal power
plan support spokesman statement meeting told agency minister's ministry office peace war health prices
market oil bank central council talks' international region border attack investigation law trade
government's campaign crisis rebels vote parliament administration workers company companies policy
officials told reporters capital demands proposal sanctions negotiators negotiations ceasefire summit
envoy delegation embassy troops strike strikes protest protesters opposition coalition interior budget
inflation interest rates growth exports imports energy gas supply shortage aid refugees hospital
schools students teachers farmers drought flood storm fire emergency residents village province
district governor mayor lawmakers senate congress judge trial prosecutors charges arrest suspects
victims witnesses journalists newspaper television radio website analysts experts researchers data
survey poll results figures increase decline rise fall record level levels target targets deadline
weekend morning evening night hours days weeks months decades history future plans project projects
program programs funding costs tax taxes debt loans investors shares stocks currency dollar euro
reform reforms rules regulations license permits contract contracts talks agreement issue issues
concerns warning warnings threat threats pressure response decision decisions meeting meetings visit
visits trip tour`.split(/\s+/);

export const firstNames: readonly string[] = `Ahmed Maria John Fatima David Elena James Aisha Robert Sofia
Michael Layla William Anna Richard Nadia Thomas Grace Daniel Leila Joseph Hannah Charles Yasmin Peter
Clara Samuel Miriam George Irene Omar Lucia Ali Ingrid Hassan Marta Karim Olga Pavel Ruth Tomas Vera
Jamal Rosa Viktor Amira Felix Dina Hugo Noor Ivan Zara Marco Sara Paolo Lena Kenji Mei Arjun Priya`.split(
  /\s+/,
);

export const surnames: readonly string[] = `Haddad Novak Okafor Lindqvist Moreau Castillo Petrov Tanaka Mensah
Kowalski Rahimi Fischer Alvarez Osei Kaya Bianchi Nakamura Romero Demir Sokolov Mahmoud Jansen Costa
Weber Ndlovu Horvat Silva Larsen Aziz Dubois Yilmaz Ferreira Kim Nguyen Patel Khan Schmidt Rossi Ivanova
Murphy Sato Quinn Abbasi Varga Eriksen Santos Barzani Hale Mbeki Torres Volkov Hughes Shah Oyelaran
Brennan Morales Farouk Lund Ortega`.split(/\s+/);

export const cities: readonly string[] = `Vienna Geneva Cairo Nairobi Lagos Lima Oslo Warsaw Ankara Doha
Manila Jakarta Santiago Bogota Lisbon Athens Prague Kyiv Baghdad Amman Beirut Tunis Dakar Accra Riyadh
Seoul Hanoi Dhaka Karachi Tbilisi Yerevan Baku Tashkent Almaty Havana Caracas Quito Montevideo Brussels
Madrid Rome Berlin Paris London Dublin Helsinki Stockholm Copenhagen Budapest Bucharest Sofia Belgrade
Zagreb Valletta Nicosia Muscat Kampala Kigali Lusaka Harare Maputo`.split(/\s+/);

export const organisations: readonly string[] = [
  'Reuters',
  'OPEC',
  'NATO',
  'UNICEF',
  'Interpol',
  'the World Bank',
  'the Red Cross',
  'the IMF',
  'the Central Bank',
  'the Supreme Court',
  'the Finance Ministry',
  'the Energy Agency',
  'the Electoral Commission',
  'the Farmers Union',
  'the Port Authority',
];

export const weekdays: readonly string[] = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
  ' ',
);

export const months: readonly string[] =
  'January February March April May June July August September October November December'.split(' ');

export const outlets: readonly string[] = [
  'Example Wire',
  'The Daily Ledger',
  'Morning Courier',
  'Harbour Times',
  'Continental Post',
];

// Syllables for the long tail of rarer words: real news has tens of thousands of distinct words, each
// rare; spelling them from syllables keeps the tail deterministic without shipping a dictionary.
export const syllables: readonly string[] =
  'ba ce di fo gu ka le mi no pu ra se ti vo zu bri cla dre fla gro pla sta tre vor lin mar ten dus kel ros'.split(
    ' ',
  );
