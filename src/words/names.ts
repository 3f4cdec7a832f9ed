/**
 * Hand-written word lists: general English and general news usage, nothing about any one story.
 * Words are compared in lower case unless a list says otherwise.
 *
 * They live in src/words/, beside the model and below every stage, because several stages read them (titles and
 * name heads serve annotate and resolve, number words annotate and compare): a later stage reads the same
 * lists the annotator used without importing the annotator. Only fixed code lives here; the gazetteers and
 * corpus counts, which are data and can be swapped (training), are the `Lexicon` of src/lexicon/.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Titles and ranks that stand before a person's name ("President", "Gen.", "Sheikh"). Periods removed. */
export const PERSON_TITLES = set(`
  mr mrs ms miss mister madam dr doctor prof professor president vice-president minister premier chancellor
  gen general lt lieutenant col colonel maj capt captain sgt sergeant cpl corporal adm admiral brig brigadier
  cmdr commander marshal gov governor sen senator rep representative congressman congresswoman rev reverend
  father sister brother sheikh sheik shaikh ayatollah imam mullah cleric cardinal pope archbishop bishop rabbi
  king queen prince princess emir amir sultan lord lady sir dame judge justice secretary ambassador envoy
  mayor speaker chairman chairwoman chairperson chief coach manager striker midfielder defender goalkeeper
  inspector detective superintendent officer spokesman spokeswoman spokesperson
  crown pastor deacon hajji haji mufti patriarch leader adviser advisor aide director ceo cfo coo
  commissioner sheriff councillor councilor councilman councilwoman alderman alderwoman assemblyman
  assemblywoman comptroller constable
`);

/**
 * Abbreviations of street types ("St.", "Ave", "Blvd."), periods removed: alone they name nothing ("400 E. 3rd
 * St."), only after a street's own name ("Marlow St."). "Dr" is left out: it is a title first.
 */
export const STREET_ABBREVIATIONS = set("st ave av rd blvd ln hwy pkwy sq ct pl ter cres");

/**
 * Lower-case words for roles and occupations that, right before a name, make it a person ("coach X",
 * "businessman X", "striker X"). Titles count too.
 */
export const PERSON_ROLES = set(`
  businessman businesswoman tycoon billionaire millionaire actor actress singer writer author novelist poet
  painter artist director producer journalist reporter correspondent editor columnist analyst economist
  strategist trader dealer broker banker lawyer attorney barrister prosecutor investigator scientist
  researcher professor teacher student doctor surgeon nurse physician pilot driver rider cyclist skier
  player striker midfielder defender goalkeeper keeper forward winger fullback full-back flanker
  scrum-half fly-half lock prop hooker centre batsman bowler all-rounder spinner seamer pitcher catcher
  hitter shortstop infielder outfielder quarterback boxer wrestler golfer swimmer runner sprinter athlete
  jockey trainer champion challenger rival opponent teammate captain skipper coach manager owner founder
  chairman chairwoman chief president premier minister secretary spokesman spokeswoman spokesperson
  commander general colonel major lieutenant sergeant officer soldier fighter militant gunman rebel
  leader dissident activist campaigner opposition candidate nominee senator congressman governor mayor
  ambassador envoy diplomat negotiator mediator official aide adviser advisor deputy son daughter wife
  husband brother sister father mother uncle widow cousin friend colleague partner veteran hero legend
  cleric preacher priest bishop imam rabbi monk nun pope king queen prince princess emperor sheikh
  dictator strongman warlord president-elect incumbent challenger judge magistrate detective inspector
  superintendent constable warden victim suspect defendant witness survivor prisoner hostage refugee
  immigrant resident farmer worker employee executive vice-president ceo cfo director-general
`);

/**
 * Lower-case words for kinds of organisations that, right before a name, make it an organisation
 * ("telecoms group X", "the daily X", "first division team X").
 */
export const ORG_NOUNS = set(`
  group firm company companies corporation conglomerate maker manufacturer producer carrier airline
  operator retailer chain supplier distributor insurer lender bank broker brokerage agency newspaper daily
  weekly paper magazine broadcaster channel station network publisher team club side outfit squad party
  union federation association movement organisation organization militia faction army unit brigade
  ministry authority regulator watchdog council committee institute university college school charity
  band label studio consortium partner partners subsidiary unit affiliate owner rivals champions
  developer contractor utility giant
`);

/**
 * Lower-case words that, right after a name (or its "'s"), show it is an organisation: what firms, parties
 * and armed groups have ("X shares", "X guerrillas", "X board").
 */
export const ORG_AFTER = set(`
  shares share stock stocks stake subsidiary subsidiaries division divisions board shareholders
  executives employees staff guerrillas gunmen fighters militants militiamen members supporters troops
  headquarters management bid offer deal profit profits revenue revenues earnings results fans players
  squad lineup manager coach chairman director directors executive president ceo spokesman spokeswoman
  plant plants factory factories brand brands products customers captain skipper batsman bowler striker
  midfielder defender goalkeeper winger pitcher quarterback group groups militia militias faction factions
  movement party coalition alliance network organisation organization brigade brigades battalion battalions
  wing affiliate affiliates union unions company firm
`);

/**
 * Lower-case words for members, leaders and parts of organisations: before "of", "from" or "for" they make
 * the name after it an organisation ("commanders from X", "members of X", "a spokesman for X").
 */
export const ORG_MEMBERS = set(`
  member members leader leaders commander commanders fighter fighters militant militants head chief
  spokesman spokeswoman spokesperson founder founders official officials faction factions wing unit units
  branch affiliate affiliates executive executives chairman shareholder shareholders employee employees
  supporters activists operatives delegation
`);

/** Lower-case words for kinds of places that, with "of" after them, make the following name a place ("the town of X"). */
export const PLACE_NOUNS = set(`
  town city village province region district state county island islands capital port suburb area
  neighbourhood neighborhood municipality governorate prefecture republic kingdom country valley
  enclave outskirts region
`);

/**
 * Words that may stand before a title inside a capitalised run without being part of a name
 * ("Foreign Minister", "Deputy Prime Minister", "Supreme Leader").
 */
export const TITLE_MODIFIERS = set(`
  foreign defence defense interior finance deputy vice prime acting former late chief senior supreme grand
  crown home trade health justice labour labor education culture information energy oil economy economic
  agriculture transport environment security intelligence national state first second third assistant
  executive managing general attorney solicitor police army military navy air naval joint head lead
  leader supreme opposition majority minority party county district regional provincial federal
`);

/** Last words that make a capitalised run an organisation ("Ministry", "Corps", "Party", "Inc"). */
export const ORG_HEADS = set(`
  party ministry department council committee commission army navy force forces corps brigade brigades front
  movement agency bank university college institute school academy inc ltd corp corporation co company group
  police guard guards association federation union league organisation organization foundation fund authority
  office court assembly parliament senate congress cabinet government service services network news times
  post journal herald tribune gazette telegraph airlines airways motors holdings industries international club
  fc alliance coalition society church board exchange securities capital partners trust systems technologies
  laboratories labs pharmaceuticals energy petroleum electric telecom communications media press radio
  television tv channel brothers bros plc llc llp gmbh ag sa nv bhd spa tribunal secretariat caucus battalion
  battalions division regiment militia militias command cartel mission bureau reserve institution
  administration commissariat directorate inc. ltd. corp. co. unit units hospital clinic polyclinic council centre
  center observatory consortium conglomerate enterprises industries manufacturing airline railways railway
  insurance bancorp financial investments pictures studios records entertainment publishing magazine daily
  weekly agency ministry brigade order fraternity syndicate
  newsroom nations crescent resistance shipping logistics mining cooperative co-operative wire newswire
`);

/**
 * Last words of team names that are also said of places (Manchester City, Panama City): they make a run an
 * organisation only when the sentence reads as sport.
 */
export const SPORT_HEADS = set("city county town united rovers wanderers athletic albion villa");

/**
 * Words of sports reporting (any case): a document using several different ones is a sports report, where a
 * city's name that no preposition of place puts on the map names its team ("X sacked their coach").
 */
export const SPORT_WORDS = set(`
  soccer cricket rugby baseball basketball hockey tennis golf athletics cycling motorcycling rallying
  goal goals goalless scorer scorers scored striker strikers midfielder defender defenders goalkeeper
  keeper coach manager squad club clubs league season fixture fixtures semifinal semi-final quarter-final
  halftime half-time equaliser equalizer penalty penalties hat-trick innings wicket wickets batsman
  batsmen bowler bowlers pitcher pitchers inning homer homers playoff playoffs standings relegation
  promoted premiership bundesliga serie championship champions tournament draw drew beat defeated
`);

/** First words of club names ("Real Madrid", "Dynamo Kiev"). */
export const SPORT_OPENERS = set("real inter sporting dynamo dinamo spartak lokomotiv olympique atletico athletic");

/** Last words of names of events, awards and competitions, which are not persons, organisations or places. */
export const MISC_HEADS = set(`
  cup open games championship championships olympics war wars prize award awards festival trophy tournament
  classic marathon masters rally grand prix derby bowl series index revolution treaty accord accords
  agreement act doctrine plan day
`);

/**
 * Regions, seas and other places no gazetteer here lists: continents, world regions, seas and gulfs.
 * General geography, written by hand; compared by `nameKey`.
 */
export const REGIONS: readonly string[] = `
  Europe|Asia|Africa|America|Americas|Oceania|Antarctica|Arctic|Middle East|Near East|Far East|Gulf|
  Persian Gulf|Arabian Gulf|Balkans|Caucasus|North Caucasus|West Bank|Gaza|Gaza Strip|Golan Heights|Sinai|Sahel|
  Sahara|Maghreb|Levant|Kurdistan|Scandinavia|Siberia|Midwest|Caribbean|Mediterranean|Pacific|Atlantic|
  Indian Ocean|Latin America|North America|South America|Central America|Central Asia|Southeast Asia|South Asia|
  East Asia|Horn of Africa|East Africa|West Africa|North Africa|Southern Africa|Sub-Saharan Africa|
  Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|Korean Peninsula|
  Arabian Peninsula|Red Sea|Black Sea|Caspian|Caspian Sea|Baltic|Baltic Sea|North Sea|South China Sea|
  East China Sea|Himalayas|Alps|Andes|Amazon|Nile|Euphrates|Tigris|Danube|Rhine|Mekong|Yangtze|Mississippi|
  Strait of Hormuz|Bosphorus|Suez Canal|Panama Canal|Anatolia|Patagonia|Tibet|Xinjiang|Kashmir|Punjab|Darfur|
  Donbas|Crimea|Chechnya|Dagestan|Transnistria|Flanders|Wallonia|Catalonia|Basque Country|Bavaria|Lapland|
  Silicon Valley|Wall Street|Ulster|Western Sahara|Somaliland|Abkhazia|South Ossetia|Nagorno-Karabakh|Tasmania|Greenland|Borneo|Sumatra|Java|Mindanao|Sicily|
  Sardinia|Corsica|Crete|Cyprus|Balearics|Canaries|
  Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|
  Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|
  Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|
  Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
  West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|
  Queensland|Victoria|New South Wales|Western Australia|South Australia
`
  .replace(/\s+/g, "")
  .split("|");

/**
 * Nations the country gazetteer lacks: the home nations of the United Kingdom, short or former names of
 * states, and territories often spoken of as countries. Typed like countries. Compared by `nameKey`.
 */
export const NATIONS: readonly string[] = `
  England|Scotland|Wales|Northern Ireland|Britain|Soviet Union|USSR|Yugoslavia|Czechoslovakia|Zaire|Persia|
  East Germany|West Germany
`
  .replace(/\s+/g, "")
  .split("|");

/** Acronyms that name no organisation or place: units, times, economic and sporting measures, media. */
export const PLAIN_ACRONYMS = set(`
  gmt utc bst est edt cst cdt pst pdt cet gdp gnp cpi ppi pmi ipo ceo cfo coo cto vip tv dvd cd pc ok am pm
  ad bc mph kph km kg mm cm pct vs rpm aids hiv dna rna sms mp mps phd ba bsc mba faq id pin atm vat rbi era
  nav eps ebit ebitda roi yoy qoq fy hq ps pps usd eur gbp jpy chf sdr lng lpg suv ufo wmd icbm rpg ied
  mw kw gw bpd tv3 pr mvp tba tbd n/a na asap ko dj llc
`);

/** Nouns for a person of a nationality, or for members of a people or faith: not places, not organisations. */
export const GROUP_NOUNS = set(`
  briton britons brit brits swede swedes dane danes finn finns pole poles turk turks scot scots spaniard
  spaniards frenchman frenchmen englishman englishmen irishman dutchman welshman argie kiwi kiwis aussie
  aussies yank yankee texan texans californian muscovite londoner parisian berliner
  muslim muslims moslem moslems christian christians jew jews hindu hindus sikh sikhs buddhist buddhists
  catholic catholics protestant protestants anglican anglicans orthodox evangelical evangelicals mormon
  mormons sunni sunnis shia shias shi'ite shi'ites shiite shiites alawite alawites druze yazidi yazidis
  copt copts kurd kurds arab arabs hutu hutus tutsi tutsis pashtun pashtuns tamil tamils sinhalese bedouin
  bedouins berber berbers tatar tatars uighur uighurs uyghur uyghurs rohingya roma gypsy gypsies islamist
  islamists jihadist jihadists zionist zionists republican republicans democrat democrats conservative
  conservatives liberal liberals tory tories socialist socialists communist communists nazi nazis
  marxist marxists maoist maoists afrikaner afrikaners boer boers zulu zulus xhosa maori maoris inuit
  aborigine aborigines latino latinos hispanic hispanics asian asians european europeans african
  africans westerner westerners easterner olympian olympians olympic paralympic
`);

/** Place names shorter than three letters or written with periods, which the country gazetteer leaves out. */
export const PLACE_ACRONYMS = set("us u.s. usa u.s.a. uk u.k. uae drc prc");

/** Last words that make a capitalised run a place ("Street", "River", "Province"). */
export const PLACE_HEADS = set(`
  street st road avenue ave boulevard square river sea ocean gulf bay island islands isle isles mountains
  mountain mount mt valley desert peninsula strait straits canal province region district governorate
  prefecture oblast state heights hills hill plain plains basin forest coast lake lakes falls bridge airport
  port harbour harbor beach park canyon glacier delta border crossing camp village neighbourhood
  neighborhood quarter county territory territories highway motorway lane way drive circle plaza
  peninsula archipelago continent republic kingdom emirate emirates sultanate principality cape creek
  point prison course stadium palace castle abbey cathedral chapel hotel
`);

/**
 * First words of the names of storms and military operations ("Storm X", "Hurricane X", "Operation X"):
 * events, typed "other", never organisations or people.
 */
export const EVENT_OPENERS = set("storm hurricane typhoon cyclone operation");

/** Words that may stand before an event opener in such a name ("Tropical Storm X", "Super Typhoon X"). */
export const EVENT_MODIFIERS = set("tropical super subtropical post-tropical winter");

/** First words that make a run a place when a name follows ("Lake X", "Mount X", "Gulf of X"). */
export const PLACE_OPENERS = set(`
  lake mount mt gulf bay strait sea isle cape port fort lake gulf river
`);

/** Words after which "of", "for" and "on" stay inside a name ("Ministry of Defence", "Party for Freedom"). */
export const OF_TAKERS = set(`
  republic kingdom emirate sultanate principality duchy commonwealth federation union university college
  institute school academy bank ministry department council committee commission court house chamber board
  association league party organisation organization society church museum gulf bay sea strait straits isle
  island islands cape lake city state states province district governorate duke duchess earl prince
  princess king queen bishop archbishop army front movement corps brigade brigades guard guards force forces
  office agency authority fund foundation centre center federation coalition alliance order brotherhood
  assembly people peoples tribunal secretariat supreme federal democratic national islamic united
  commissioner conference confederation congress parliament coast mount rock tower cathedral
`);

/** Lower-case words that may stand inside a multi-word name between capitalised words. */
export const NAME_PARTICLES = set(`
  de del della dei di da das do dos du des la le les van von der den ter ten zu al el bin ibn bint ben abu
  y e
`);

/** Words that join two names into one only when the whole is known ("Bosnia and Herzegovina"). */
export const JOINERS = set("and &");

/** Day and month names, never names of people, organisations or places in news copy. */
export const CALENDAR = set(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec
`);

/**
 * Capitalised words that are not names in themselves: function words (which start sentences), pronouns,
 * interjections, and words news copy capitalises without naming anything.
 */
export const NEVER_NAMES = set(`
  a an the this that these those there here it its it's i i'm i've i'd i'll we we're you you're he he's she
  she's they they're me him her us them my our your his their what which who whom whose when where why how
  and or but nor so yet for of in on at by to from with without within into onto upon about above below
  under over after before during since until till while as if than then though although because unless
  whether not no yes all any some each every both either neither one two three four five six seven eight
  nine ten many much more most less few several other another such only also even just still already
  however meanwhile moreover furthermore nevertheless nonetheless therefore thus instead otherwise indeed
  besides asked said says told added according despite amid among amongst against between through
  throughout toward towards across along around behind beyond near inside outside via per is are was were
  be been being am do does did done has have had having will would shall should can could may might must
  mr mrs ms dr please thanks ok okay oh yes hello well now today tomorrow yesterday tonight last next
  first second third new old latest following earlier later soon again ago once why according
  although whereas whilst second third fourth fifth sixth seventh eighth ninth tenth final half
`);

/** Words that stay out of names even when capitalised in mid-sentence (the pronoun "I", articles, "The"). */
export const NEVER_INSIDE = set(`
  i i'm i've i'd i'll a an the this that these those it its he she we they you my our your his her their
  and or but nor if of in on at by to for with from as is are was were be several many some most
`);

/** Speech and report verbs: a name right before or after them is a speaker, a person or organisation. */
export const SPEECH_VERBS = set(`
  said says say told tells added adds stated states announced announces reported reports confirmed confirms
  denied denies warned warns claimed claims noted notes wrote writes explained explains insisted insists
  asked asks argued argues urged urges acknowledged acknowledges called calls declared declares alleged
  alleges accused accuses described describes quoted quotes replied replies responded responds estimated
  estimates predicted predicts
`);

/** Prepositions that put a place after them ("in X", "near X"). */
export const PLACE_PREPOSITIONS = set(`
  in near at from to into across outside inside around toward towards throughout via through within
  northern southern eastern western central north south east west
`);

/** Prepositions whose object is rarely a person ("in", "near"), used to keep persons out of places' slots. */
export const STRONG_PLACE_PREPOSITIONS = set("in near across outside inside throughout toward towards");

/** Words that, right before a name, mean it is a person ("his son X" is not listed: too rare to matter). */
export const PERSON_BEFORE = set(`
  mr mrs ms dr spokesman spokeswoman spokesperson
`);

/**
 * The abbreviations of US states that news copy writes after a town ("Tarvik, Calif."), in the Associated Press
 * style and as two-letter postal codes, without their periods. Compared as written, periods removed.
 */
export const US_STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev NH NJ
  NM NY NC ND Okla Ore Pa RI SC SD Tenn Tex Va Vt Wash Wis Wisc WVa Wyo DC AL AK AZ AR CA CO CT DE FL GA HI ID
  IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV
  WI WY`
    .trim()
    .split(/\s+/),
);
