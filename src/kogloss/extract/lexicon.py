"""Word lists that decide what a capitalised span names.

Releases name things by their last word ("Korea Forest Service", "North Hamgyung Province")
or their first ("Ministry of Land, Infrastructure and Transport"), and persons by the title in
front of them. These lists carry that knowledge; they are data, kept apart from the patterns
that use them so an editor can extend them without reading the code.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: lists read better as prose blocks."""
    return frozenset(text.split())


# Words that end (or open, before of/for) an official title. Matched case-insensitively
# after a name and its comma ("Park Joo-sun, vice president of the ROK parliament").
TITLE_HEADS = words("""
    Minister Ministers President Vice-President Ambassador Ambassadors Speaker Chairman
    Chairwoman Chairperson Secretary Secretary-General Director Director-General Spokesperson
    Spokesman Governor Khokim Consul Consul-General Representative Envoy Mayor Premier
    Commissioner Coordinator Counsellor Counselor Minister-Counsellor Ambassador-at-Large
    Delegate King Queen Emperor Senator Chancellor Undersecretary Under-Secretary
    Administrator Commander Chief
    """)

# Words that may stand in front of a title head inside the title.
TITLE_MODIFIERS = words("""
    First Second Third Vice Deputy Prime Foreign State Special Senior Executive Assistant
    Permanent General Acting Resident Trade Defense Defence Finance Unification Head Chief
    Joint Honorary Regional Presidential Parliamentary Economic Political Cultural
    """)

# Titles of address that open a person's name.
HONORIFICS = ("H.E.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Madam", "Mr", "Ms", "Dr")

# Last words of organisation names (and of events, which the team's glossary files as org).
ORG_TAILS = words("""
    Ministry Ministries Service Agency Committee Council Assembly Eximbank Bank Embassy Consulate
    Library University Institute Center Centre Foundation Organization Organisation Programme
    Fund Federation Society Societies Team Office Bureau Department Parliament Corps Group
    Association Company Corporation Airlines Airways Administration Commission Union Nations
    Forum Dialogue Consultation Conference Summit Kenesh Staff Section Railways Court Cabinet
    Secretariat Board Authority Chamber Party Network Alliance Academy School College Hospital
    Post News Agency Press Guard Force Forces Army Navy Police Concern
    """)

# Organisation heads that open a name and take an "of"/"for" complement.
ORG_HEADS = words("""
    Ministry Ministries Embassy Consulate Committee Council Assembly Library University
    Institute Federation Bank Chamber Department Bureau Office Commission Agency Fund Court
    Organization Organisation Secretariat Academy Association Society Union Chiefs Cabinet
    """)

# Last words of place names.
PLACE_TAILS = words("""
    Province Region District Valley Sea Ocean Lake River Mountains Mountain Peninsula
    Peninsular Palace Avenue Street Road Route Corridor Island Islands Strait Bay Gulf City
    County Oblast Coast Desert Plateau Basin Canal Square Park Hall Airport Port Harbor Harbour
    Pass Zone Steppe Highway Bridge Stadium Tower Gate Plain Plains
    """)

# Last words of named programmes, policies, events and instruments (type ``term``).
TERM_TAILS = words("""
    Initiative Strategy Partnership System Scholarship Programme Program Project Plan Policy
    Week Concert Festival Agreement Treaty Declaration Vision Award Prize Doctrine Charter
    Accord Convention Protocol Exhibition Expo Games Olympics
    """)

# Lower-case heads after a list or a hyphenated run: "Khojavand, Barda and Fuzuli regions",
# "Baku-Tbilisi-Kars railway".
PLACE_LIST_HEADS = words(
    "regions provinces districts cities villages region province district city areas"
)
ROUTE_HEADS = words("railway railroad route pipeline highway corridor road line")

# Nationality adjectives: never a place on their own ("Kyrgyz" names no country).
DEMONYMS = words("""
    Korean Koreans Kyrgyz Azerbaijani Azerbaijanis Azeri Kazakh Kazakhs Kazakhstani Uzbek
    Uzbeks Uzbekistani Tajik Tajiks Tajikistani Turkmen Mongolian Mongolians Georgian Georgians
    Russian Chinese Japanese American Americans European Asian Central-Asian Armenian Turkish
    Iranian Afghan Indian Nepalese English Vietnamese French German British Italian Spanish
    Ukrainian Belarusian Caucasian Eurasian Altaic Caspian Oceanian Arab Arabic Canadian
    Australian
    """)

# Capitalised words that open sentences or headlines and name nothing.
FUNCTION_WORDS = words("""
    The A An In On At For From To Of By With As And Or But If When While Since Although Though
    Upon During Following After Before Under Over Between Among Through Throughout Despite
    This That These Those It Its Our Their His Her We I You He She They There Here
    Meanwhile However Moreover Furthermore Also Yes No Not Some Many Most All Each Every Both
    Such Other Another What Which Who How Why Where Is Are Was Were Will Would Can Could Should
    May Might Must Do Does Did Have Has Had Be Being Been Now Then Today Currently Further
    Finally Unfortunately Good Education Priority Participants Using According Based Starting
    Opening Leading Relevant Expressing Another Immediately Owing Passport Passports Print
    """)

MONTHS_AND_DAYS = words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday
    """)

# Prepositions after which a lone capitalised word is usually a place ("in Bishkek",
# "via Almaty or Tashkent").
PLACE_PREPOSITIONS = words("in at from to via near toward towards into across around including")

# Words that stay lower case inside a name ("Ministry of Land, Infrastructure and Transport").
NAME_CONNECTORS = words("of for and the on de & du des la le")

# Cities, regions and landmarks that releases name and that no subdivision list spells the
# English way (pycountry holds "Seoul-teukbyeolsi", not "Seoul"). Extend freely.
PLACES = words("""
    Seoul Busan Incheon Pyongyang Bishkek Osh Baku Gabala Ganja Sumgait Tbilisi Batumi Kutaisi
    Kars Almaty Astana Nur-Sultan Shymkent Aktau Karaganda Tashkent Samarkand Bukhara Namangan
    Andijan Fergana Dushanbe Khujand Ashgabat Ulaanbaatar Kathmandu Moscow Beijing Tokyo
    Washington Geneva Brussels Paris London Berlin Ankara Istanbul Tehran Kabul Minsk
    Kyiv Delhi Hanoi Bangkok Jakarta Manila Singapore Sejong Jeju Panmunjom Kaesong Punggye-ri
    Eurasia Europe Asia Africa America Caucasus Siberia Gobi Issyk-Kul Nagorno-Karabakh
    Karabakh Zangilan Khojavand Barda Fuzuli Bilasuvar Jalal-Abad Chui Mangystau Rasht
    Russia Iran Syria Vietnam Laos Bolivia Venezuela Tanzania Moldova Taiwan Turkey Brunei
    Palestine Vatican Macau Micronesia
    """) | frozenset(
    [
        "Central Asia",
        "Northeast Asia",
        "Southeast Asia",
        "South Asia",
        "East Asia",
        "Middle East",
        "South Caucasus",
        "Korean Peninsula",
        "East Sea",
        "Yellow Sea",
        "Caspian Sea",
        "Black Sea",
        "North Korea",
        "South Korea",
        "Silk Road",
        "Fergana Valley",
        "Rasht Valley",
        "New York",
        "Hong Kong",
        "Czech Republic",
    ]
)

# Expansions of acronyms that releases use without introducing them.
KNOWN_ACRONYMS = {
    "ROK": "Republic of Korea",
    "DPRK": "Democratic People’s Republic of Korea",
    "MOFA": "Ministry of Foreign Affairs",
    "UN": "United Nations",
    "US": "United States",
    "U.S.": "United States",
    "EU": "European Union",
    "KOICA": "Korea International Cooperation Agency",
    "KOTRA": "Korea Trade-Investment Promotion Agency",
    "ICBM": "intercontinental ballistic missile",
    "MOU": "memorandum of understanding",
    "OECD": "Organisation for Economic Co-operation and Development",
    "IDP": "internally displaced person",
    "IDPs": "internally displaced persons",
    "ICT": "information and communications technology",
    "NSC": "National Security Council",
    "SOCAR": "State Oil Company of Azerbaijan Republic",
}

# Upper-case words that are not acronyms (headline and dateline capitals).
NOT_ACRONYMS = words(
    "INTERVIEW UPDATE UPDATED PHOTO VIDEO NEWS PRESS RELEASE ALL RIGHTS RESERVED COPYRIGHT "
    "TEL FAX OK I II III IV V VI VII VIII IX X XI XII AM PM USD EUR KRW JPY CNY RUB"
)

# The Korean words that end a title, by the English title's head word: how a title without a
# name next to it is found in the Korean sentence, and which side of 부총리 겸 위원장 is which.
KOREAN_TITLE_HEADS = {
    "Prime Minister": ("총리",),
    "Minister": ("장관", "차관", "부장관"),
    "Secretary-General": ("사무총장",),
    "Secretary": ("장관", "차관", "비서관", "총장"),
    "Chairman": ("위원장", "회장", "사장", "의장", "이사장"),
    "Chairperson": ("위원장", "회장", "의장"),
    "President": ("대통령", "회장", "총재", "부의장"),
    "Speaker": ("의장",),
    "Ambassador": ("대사",),
    "Spokesperson": ("대변인",),
    "Director-General": ("국장", "실장"),
    "Director": ("국장", "과장", "원장"),
    "Governor": ("주지사", "도지사", "지사", "총재"),
    "Khokim": ("주지사", "시장"),
    "Mayor": ("시장",),
    "Consul-General": ("총영사",),
    "Consul": ("영사",),
    "Representative": ("대표",),
    "Coordinator": ("조정관",),
}

# The Korean endings of organisation names, by the English name's head word (last word, or
# first word of "Ministry of ..."): how an organisation is found in the aligned Korean.
KOREAN_ORG_HEADS = {
    "Ministry": ("부", "처"),
    "Agency": ("청", "원", "단", "공사", "공단"),
    "Service": ("청",),
    "Administration": ("청", "처"),
    "Committee": ("위원회",),
    "Council": ("이사회", "협의회", "위원회"),
    "Embassy": ("대사관",),
    "Consulate": ("영사관",),
    "Bank": ("은행",),
    "Eximbank": ("수출입은행",),
    "Forum": ("포럼",),
    "Fund": ("기금",),
    "Corporation": ("공사", "공단", "회사"),
    "Company": ("회사", "공사"),
    "University": ("대학교", "대학"),
    "Institute": ("연구원", "연구소", "학당"),
    "Center": ("센터",),
    "Centre": ("센터",),
    "Library": ("도서관",),
    "Assembly": ("국회", "의회"),
    "Consultation": ("협의회",),
    "Dialogue": ("대화",),
    "Team": ("대", "팀"),
    "Academy": ("외교원", "아카데미"),
    "Chamber": ("회의소",),
    "Railways": ("철도공사", "철도"),
    "Concern": ("공사",),
    "Society": ("협회", "학회"),
    "Federation": ("연맹",),
}
