/**
 * Country names and demonyms, lower-case. A question naming a country the articles never mention is
 * about something they do not cover, even when typed in lower case ("what did china say?"), so these
 * count as names (see `splitIntoTerms`). Single words only; the list is the UN member states' common
 * short names and their usual adjectives.
 */
export const countryWords: ReadonlySet<string> = new Set(
  `afghanistan afghan albania albanian algeria algerian andorra angola angolan argentina argentine
argentinian armenia armenian australia australian austria austrian azerbaijan azerbaijani bahamas
bahrain bahraini bangladesh bangladeshi barbados belarus belarusian belgium belgian belize benin bhutan
bolivia bolivian bosnia botswana brazil brazilian brunei bulgaria bulgarian burkina burundi cambodia
cambodian cameroon cameroonian canada canadian chad chile chilean china chinese colombia colombian
comoros congo congolese croatia croatian cuba cuban cyprus cypriot czech czechia denmark danish djibouti
dominica ecuador ecuadorian egypt egyptian eritrea eritrean estonia estonian eswatini ethiopia ethiopian
fiji finland finnish france french gabon gambia georgia georgian germany german ghana ghanaian greece
greek grenada guatemala guinea guyana haiti haitian honduras hungary hungarian iceland icelandic india
indian indonesia indonesian iran iranian iraq iraqi ireland irish israel israeli italy italian jamaica
jamaican japan japanese jordan jordanian kazakhstan kenya kenyan kiribati korea korean kosovo kuwait
kuwaiti kyrgyzstan laos latvia latvian lebanon lebanese lesotho liberia libya libyan liechtenstein
lithuania lithuanian luxembourg madagascar malawi malaysia malaysian maldives mali malta maltese mauritania
mauritius mexico mexican micronesia moldova monaco mongolia mongolian montenegro morocco moroccan
mozambique myanmar namibia nauru nepal nepalese netherlands dutch nicaragua niger nigeria nigerian
norway norwegian oman omani pakistan pakistani palau palestine palestinian panama paraguay peru peruvian
philippines filipino poland polish portugal portuguese qatar qatari romania romanian russia russian rwanda
samoa senegal serbia serbian seychelles singapore slovakia slovenia somalia somali spain spanish
lanka sudan sudanese suriname sweden swedish switzerland swiss syria syrian taiwan taiwanese tajikistan
tanzania thailand thai togo tonga trinidad tunisia tunisian turkey turkish turkmenistan tuvalu uganda
ukraine ukrainian uruguay uzbekistan vanuatu vatican venezuela venezuelan vietnam vietnamese yemen yemeni
zambia zimbabwe`.split(/\s+/),
);

/** The adjectives of `countryWords` ("Iranian", "Omani"): a nationality, not a place. */
export const nationalities: ReadonlySet<string> = new Set(
  `afghan albanian algerian angolan argentine argentinian armenian australian austrian azerbaijani bahraini
bangladeshi belarusian belgian bolivian brazilian bulgarian cambodian cameroonian canadian chilean chinese
colombian congolese croatian cuban cypriot czech danish ecuadorian egyptian eritrean estonian ethiopian
filipino finnish french georgian german ghanaian greek haitian hungarian icelandic indian indonesian
iranian iraqi irish israeli italian jamaican japanese jordanian kenyan korean kuwaiti latvian lebanese
libyan lithuanian malaysian maltese mexican mongolian moroccan nepalese dutch nigerian norwegian omani
pakistani palestinian peruvian polish portuguese qatari romanian russian serbian somali spanish sudanese
swedish swiss syrian taiwanese thai tunisian turkish ukrainian venezuelan vietnamese yemeni`.split(/\s+/),
);
