package org.civnet.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.civnet.domain.HolderType;
import org.civnet.domain.Region;

/**
 * The word lists behind the demo network. Person names are common given names and surnames of each
 * region, combined at random, so every person is invented; organisation and network names are built
 * from generic patterns. Mandate titles follow the style of the real Special Procedures because a demo
 * that looks like the real list is easier to read; the partnerships attached to them are invented.
 */
final class DemoVocabulary {
    private DemoVocabulary() {
    }

    /** A theme tag, its share among contacts (relative weight) and how it reads inside a name. */
    record Theme(String tag, double weight, String phrase) {
    }

    static final List<Theme> THEMES = List.of(
            new Theme("WOMENS_RIGHTS", 12, "Women's Rights"),
            new Theme("FREEDOM_OF_EXPRESSION", 10, "Freedom of Expression"),
            new Theme("LAND", 8, "Land Rights"),
            new Theme("INDIGENOUS_PEOPLES", 7, "Indigenous Peoples' Rights"),
            new Theme("HUMAN_RIGHTS_DEFENDERS", 6, "Human Rights Defenders"),
            new Theme("MINORITIES", 6, "Minority Rights"),
            new Theme("LGBTI", 5, "LGBTI Equality"),
            new Theme("TORTURE", 5, "the Prevention of Torture"),
            new Theme("DISAPPEARANCES", 5, "the Disappeared"),
            new Theme("CHILDREN", 5, "Children's Rights"),
            new Theme("MIGRANTS", 5, "Migrants' Rights"),
            new Theme("ENVIRONMENT", 5, "Environmental Justice"),
            new Theme("ARBITRARY_DETENTION", 4, "Detainees' Rights"),
            new Theme("HOUSING", 4, "Housing Rights"),
            new Theme("DISABILITY", 4, "Disability Rights"),
            new Theme("FREEDOM_OF_ASSEMBLY", 4, "Civic Space"),
            new Theme("GENDER_BASED_VIOLENCE", 3, "Ending Gender-Based Violence"),
            new Theme("RACISM", 3, "Racial Equality"),
            new Theme("FREEDOM_OF_RELIGION", 3, "Freedom of Belief"),
            new Theme("TRANSITIONAL_JUSTICE", 3, "Truth and Justice"),
            new Theme("DISPLACEMENT", 3, "Displaced Communities"),
            new Theme("BUSINESS", 3, "Corporate Accountability"),
            new Theme("HEALTH", 3, "the Right to Health"),
            new Theme("EDUCATION", 2, "the Right to Education"),
            new Theme("FOOD", 2, "Food Sovereignty"),
            new Theme("POVERTY", 2, "Social Justice"),
            new Theme("TRAFFICKING", 2, "Survivors of Trafficking"),
            new Theme("JUDICIARY", 2, "Judicial Independence"),
            new Theme("CLIMATE", 2, "Climate Justice"),
            new Theme("PRIVACY", 1, "Digital Rights"),
            new Theme("WATER", 1, "Water and Sanitation"));

    /** Regional emphasis: multiplies a theme's weight in one region (absent = 1). */
    static final Map<Region, Map<String, Double>> THEME_EMPHASIS = new EnumMap<>(Map.of(
            Region.ENACA, Map.of("MIGRANTS", 2.0, "LGBTI", 1.6, "MINORITIES", 1.5, "RACISM", 1.6, "PRIVACY", 2.0,
                    "LAND", 0.4, "INDIGENOUS_PEOPLES", 0.5),
            Region.ASIA_PACIFIC, Map.of("LAND", 1.5, "INDIGENOUS_PEOPLES", 1.3, "FREEDOM_OF_EXPRESSION", 1.3,
                    "DISPLACEMENT", 1.5, "CLIMATE", 2.0),
            Region.LATIN_AMERICA_CARIBBEAN, Map.of("INDIGENOUS_PEOPLES", 2.0, "LAND", 1.8, "DISAPPEARANCES", 2.0,
                    "ENVIRONMENT", 1.8, "HUMAN_RIGHTS_DEFENDERS", 1.5),
            Region.AFRICA, Map.of("LAND", 2.0, "WOMENS_RIGHTS", 1.3, "CHILDREN", 1.5, "TORTURE", 1.3, "FOOD", 2.0,
                    "HEALTH", 1.5, "LGBTI", 0.7),
            Region.ARAB_REGION, Map.of("ARBITRARY_DETENTION", 2.0, "TORTURE", 2.0, "DISAPPEARANCES", 1.8,
                    "MIGRANTS", 1.5, "DISPLACEMENT", 2.0, "WOMENS_RIGHTS", 1.2, "LGBTI", 0.3,
                    "INDIGENOUS_PEOPLES", 0.1)));

    /**
     * Where most contacts of a region live: a handful of countries with relative weights. Other
     * countries of the region get a small weight (see the generator), so every country can appear.
     */
    static final Map<Region, Map<String, Double>> HUB_COUNTRIES = new EnumMap<>(Map.of(
            Region.ENACA, Map.ofEntries(Map.entry("US", 10.0), Map.entry("GB", 8.0), Map.entry("FR", 6.0),
                    Map.entry("CH", 6.0), Map.entry("DE", 5.0), Map.entry("ES", 4.0), Map.entry("RU", 6.0),
                    Map.entry("UA", 6.0), Map.entry("BY", 4.0), Map.entry("TR", 6.0), Map.entry("KZ", 4.0),
                    Map.entry("KG", 4.0), Map.entry("GE", 4.0), Map.entry("AM", 3.0), Map.entry("HU", 3.0),
                    Map.entry("PL", 3.0)),
            Region.ASIA_PACIFIC, Map.ofEntries(Map.entry("IN", 10.0), Map.entry("PH", 8.0), Map.entry("ID", 7.0),
                    Map.entry("PK", 6.0), Map.entry("BD", 6.0), Map.entry("TH", 6.0), Map.entry("MM", 6.0),
                    Map.entry("NP", 5.0), Map.entry("KH", 4.0), Map.entry("LK", 4.0), Map.entry("AF", 4.0),
                    Map.entry("IR", 3.0), Map.entry("MY", 3.0), Map.entry("FJ", 2.0), Map.entry("AU", 3.0)),
            Region.LATIN_AMERICA_CARIBBEAN, Map.ofEntries(Map.entry("CO", 10.0), Map.entry("MX", 9.0),
                    Map.entry("BR", 9.0), Map.entry("GT", 6.0), Map.entry("HN", 5.0), Map.entry("PE", 5.0),
                    Map.entry("AR", 4.0), Map.entry("CL", 4.0), Map.entry("NI", 3.0), Map.entry("VE", 4.0),
                    Map.entry("HT", 3.0), Map.entry("BO", 3.0), Map.entry("EC", 3.0)),
            Region.AFRICA, Map.ofEntries(Map.entry("KE", 10.0), Map.entry("NG", 9.0), Map.entry("ZA", 8.0),
                    Map.entry("UG", 7.0), Map.entry("CD", 7.0), Map.entry("ZW", 5.0), Map.entry("ET", 5.0),
                    Map.entry("CM", 5.0), Map.entry("SN", 4.0), Map.entry("BI", 4.0), Map.entry("TZ", 4.0),
                    Map.entry("ML", 3.0), Map.entry("GH", 3.0)),
            Region.ARAB_REGION, Map.ofEntries(Map.entry("EG", 10.0), Map.entry("LB", 8.0), Map.entry("TN", 8.0),
                    Map.entry("PS", 8.0), Map.entry("JO", 6.0), Map.entry("IQ", 6.0), Map.entry("MA", 6.0),
                    Map.entry("YE", 5.0), Map.entry("SY", 5.0), Map.entry("SD", 5.0))));

    /**
     * Codes where hardly any civil society lives (weight 0: uninhabited or research stations only) or
     * small territories (weight 0.02 instead of the 0.25 of a sovereign non-hub state).
     */
    static final String UNINHABITED = "AQ BV GS HM IO PN TF UM";
    static final String SMALL_TERRITORIES = "AX FO GG GI IM JE SJ GL BM PM RE YT SH EH AS GU MP CC CX NF CK NU TK"
            + " WF NC PF HK MO AI AW BQ CW SX KY VG VI PR TC MS GP MQ GF BL MF FK VA MC SM LI AD";

    /** Countries with a UN human rights presence where the demo's HROs sit, per region. */
    static final Map<Region, List<String>> HRO_COUNTRIES = new EnumMap<>(Map.of(
            Region.ENACA, List.of("CH", "US", "BE", "KG"),
            Region.ASIA_PACIFIC, List.of("TH", "FJ", "KH"),
            Region.LATIN_AMERICA_CARIBBEAN, List.of("PA", "CL", "CO", "GT", "MX"),
            Region.AFRICA, List.of("ET", "SN", "ZA", "UG"),
            Region.ARAB_REGION, List.of("LB", "QA", "TN", "PS", "YE")));

    static final Map<Region, List<String>> GIVEN_NAMES = new EnumMap<>(Map.of(
            Region.ENACA, List.of("Anna", "Maria", "Elena", "Olga", "Sarah", "Laura", "Ingrid", "Aigerim", "Nino",
                    "Ani", "Thomas", "Jan", "Pierre", "Marco", "Andrei", "Dmitri", "Lukas", "Daniel", "Aziz",
                    "Giorgi", "Emma", "Sofia", "Timur", "Yusuf", "Noa", "Kateryna", "Zeynep", "Gulnara"),
            Region.ASIA_PACIFIC, List.of("Priya", "Anjali", "Siti", "Aung", "Min", "Thida", "Rahul", "Arjun",
                    "Farhana", "Nasrin", "Sina", "Wei", "Mei", "Hiroshi", "Yuki", "Ji-woo", "Somchai", "Malee",
                    "Zahra", "Tevita", "Losana", "Dawa", "Bolor", "Sokha", "Joy", "Ramon", "Kiri", "Ayesha"),
            Region.LATIN_AMERICA_CARIBBEAN, List.of("Ana", "Lucia", "Carmen", "Rosa", "Juana", "Gabriela", "Camila",
                    "Fernanda", "Luis", "Carlos", "Jose", "Miguel", "Pedro", "Jorge", "Andres", "Diego", "Marcos",
                    "Joao", "Thiago", "Rafael", "Marie", "Jean", "Berta", "Xiomara", "Francisca", "Nicolas"),
            Region.AFRICA, List.of("Amina", "Fatou", "Aissatou", "Grace", "Esther", "Wanjiru", "Achieng", "Thandiwe",
                    "Nomsa", "Chipo", "Adaeze", "Ngozi", "Kwame", "Kofi", "Ibrahim", "Moussa", "Emmanuel", "Samuel",
                    "Tendai", "Tesfaye", "Abebe", "Juma", "Baraka", "Oluwaseun", "Awa", "Mercy", "Patrice"),
            Region.ARAB_REGION, List.of("Fatima", "Mariam", "Layla", "Nour", "Rania", "Hana", "Salma", "Yasmin",
                    "Aisha", "Huda", "Ahmed", "Mohammed", "Omar", "Khaled", "Youssef", "Karim", "Hassan", "Ali",
                    "Tarek", "Samir", "Rami", "Bilal", "Amal", "Rasha", "Dalia", "Mona", "Walid", "Ines")));

    static final Map<Region, List<String>> SURNAMES = new EnumMap<>(Map.of(
            Region.ENACA, List.of("Novak", "Kowalski", "Petrov", "Ivanova", "Dubois", "Rossi", "Smith", "Johnson",
                    "Jensen", "Nielsen", "Horvat", "Popescu", "Kuznetsova", "Bekova", "Beridze", "Petrosyan",
                    "Aliyev", "Nurlanov", "Yilmaz", "Cohen", "Schneider", "Lambert", "Brennan", "Larsen",
                    "Moreau", "Kovalenko", "Demir", "Abdullaeva"),
            Region.ASIA_PACIFIC, List.of("Sharma", "Khan", "Rahman", "Santos", "Reyes", "Nguyen", "Tran", "Wang",
                    "Li", "Chen", "Tanaka", "Sato", "Kim", "Park", "Win", "Suwan", "Karimi", "Ahmadi", "Perera",
                    "Gurung", "Tamang", "Fifita", "Naidu", "Tuilagi", "Sok", "Bautista", "Hossain", "Wijaya"),
            Region.LATIN_AMERICA_CARIBBEAN, List.of("Gonzalez", "Rodriguez", "Perez", "Lopez", "Martinez",
                    "Hernandez", "Ramirez", "Flores", "Torres", "Silva", "Souza", "Oliveira", "Pereira", "Quispe",
                    "Mamani", "Choque", "Ixcoy", "Tzul", "Baptiste", "Pierre", "Campbell", "Morales", "Vargas",
                    "Castillo", "Huanca", "Cruz"),
            Region.AFRICA, List.of("Diallo", "Traore", "Ndiaye", "Diop", "Mensah", "Owusu", "Okafor", "Adeyemi",
                    "Okonkwo", "Mwangi", "Otieno", "Kamau", "Odhiambo", "Nkosi", "Dlamini", "Moyo", "Banda",
                    "Phiri", "Bekele", "Haile", "Mugisha", "Niyonzima", "Uwimana", "Habimana", "Nakato", "Kone",
                    "Coulibaly"),
            Region.ARAB_REGION, List.of("Haddad", "Khoury", "Nasser", "Mansour", "Saleh", "Hamdan", "Ibrahim",
                    "Abdallah", "El-Sayed", "Mahmoud", "Farouk", "Hassan", "Khalil", "Aziz", "Barakat", "Jaber",
                    "Qasim", "Zaid", "Saeed", "Amin", "Osman", "Bakr", "Ben Salem", "Trabelsi", "Alaoui",
                    "Bennani")));

    static final List<String> ORGANISATION_PATTERNS = List.of("Centre for %s", "Coalition for %s",
            "Association for %s", "Initiative for %s", "Forum for %s", "Observatory on %s", "Network for %s",
            "Alliance for %s", "Foundation for %s", "Collective for %s", "Voices for %s", "Platform for %s");

    static final Map<Region, String> REGION_ADJECTIVE = new EnumMap<>(Map.of(
            Region.ENACA, "Europe and Central Asia", Region.ASIA_PACIFIC, "Asia-Pacific",
            Region.LATIN_AMERICA_CARIBBEAN, "Latin American and Caribbean", Region.AFRICA, "Pan-African",
            Region.ARAB_REGION, "Arab Region"));

    static final List<String> NETWORK_NOUNS = List.of("Network", "Coalition", "Platform", "Alliance");

    /** A Special Procedures mandate of the demo: title, holder and themes (country mandates have a country). */
    record MandateSpec(String title, HolderType holder, String country, List<String> themes) {
    }

    private static MandateSpec sr(String topic, String... themes) {
        return new MandateSpec("Special Rapporteur on " + topic, HolderType.SPECIAL_RAPPORTEUR, null,
                List.of(themes));
    }

    private static MandateSpec ie(String topic, String... themes) {
        return new MandateSpec("Independent Expert on " + topic, HolderType.INDEPENDENT_EXPERT, null,
                List.of(themes));
    }

    private static MandateSpec wg(String topic, String... themes) {
        return new MandateSpec("Working Group on " + topic, HolderType.WORKING_GROUP, null, List.of(themes));
    }

    private static MandateSpec country(HolderType holder, String code, String name) {
        String who = holder == HolderType.SPECIAL_RAPPORTEUR ? "Special Rapporteur" : "Independent Expert";
        return new MandateSpec(who + " on the situation of human rights in " + name, holder, code,
                List.of("HUMAN_RIGHTS_DEFENDERS"));
    }

    /** 45 thematic and 15 country mandates, like the real system's proportions. */
    static final List<MandateSpec> MANDATES = List.of(
            sr("the situation of human rights defenders", "HUMAN_RIGHTS_DEFENDERS", "FREEDOM_OF_ASSEMBLY"),
            sr("freedom of opinion and expression", "FREEDOM_OF_EXPRESSION", "PRIVACY"),
            sr("freedom of peaceful assembly and of association", "FREEDOM_OF_ASSEMBLY", "HUMAN_RIGHTS_DEFENDERS"),
            sr("torture and other cruel, inhuman or degrading treatment", "TORTURE", "ARBITRARY_DETENTION"),
            wg("Enforced or Involuntary Disappearances", "DISAPPEARANCES", "TRANSITIONAL_JUSTICE"),
            wg("Arbitrary Detention", "ARBITRARY_DETENTION", "JUDICIARY"),
            sr("extrajudicial, summary or arbitrary executions", "TORTURE", "DISAPPEARANCES"),
            sr("violence against women and girls", "WOMENS_RIGHTS", "GENDER_BASED_VIOLENCE"),
            wg("discrimination against women and girls", "WOMENS_RIGHTS", "GENDER_BASED_VIOLENCE"),
            ie("protection against violence and discrimination based on sexual orientation and gender identity",
                    "LGBTI"),
            sr("the rights of Indigenous Peoples", "INDIGENOUS_PEOPLES", "LAND"),
            sr("minority issues", "MINORITIES", "FREEDOM_OF_RELIGION"),
            sr("adequate housing", "HOUSING", "LAND", "DISPLACEMENT"),
            sr("the right to food", "FOOD", "LAND"),
            sr("the human rights of migrants", "MIGRANTS", "TRAFFICKING"),
            sr("the rights of persons with disabilities", "DISABILITY"),
            sr("the sale and sexual exploitation of children", "CHILDREN", "TRAFFICKING"),
            sr("freedom of religion or belief", "FREEDOM_OF_RELIGION", "MINORITIES"),
            sr("the independence of judges and lawyers", "JUDICIARY", "ARBITRARY_DETENTION"),
            sr("the right to privacy", "PRIVACY", "FREEDOM_OF_EXPRESSION"),
            sr("extreme poverty and human rights", "POVERTY", "HOUSING"),
            sr("the right to health", "HEALTH", "DISABILITY"),
            sr("the right to education", "EDUCATION", "CHILDREN"),
            sr("the human rights to safe drinking water and sanitation", "WATER", "HEALTH"),
            sr("human rights and the environment", "ENVIRONMENT", "LAND", "CLIMATE"),
            sr("toxics and human rights", "ENVIRONMENT", "HEALTH"),
            wg("Business and Human Rights", "BUSINESS", "LAND"),
            sr("trafficking in persons, especially women and children", "TRAFFICKING", "WOMENS_RIGHTS"),
            sr("contemporary forms of slavery", "TRAFFICKING", "POVERTY"),
            sr("contemporary forms of racism", "RACISM", "MINORITIES"),
            wg("People of African Descent", "RACISM", "MINORITIES"),
            sr("the human rights of internally displaced persons", "DISPLACEMENT", "MIGRANTS"),
            sr("truth, justice, reparation and guarantees of non-recurrence", "TRANSITIONAL_JUSTICE",
                    "DISAPPEARANCES"),
            sr("human rights while countering terrorism", "ARBITRARY_DETENTION", "FREEDOM_OF_ASSEMBLY"),
            wg("the use of mercenaries", "BUSINESS", "TORTURE"),
            ie("the enjoyment of all human rights by older persons", "HEALTH", "POVERTY"),
            ie("the enjoyment of human rights by persons with albinism", "DISABILITY", "HEALTH"),
            sr("the elimination of discrimination against persons affected by leprosy", "HEALTH", "MINORITIES"),
            sr("cultural rights", "MINORITIES", "INDIGENOUS_PEOPLES", "EDUCATION"),
            ie("a democratic and equitable international order", "POVERTY", "FREEDOM_OF_ASSEMBLY"),
            sr("unilateral coercive measures", "HEALTH", "FOOD"),
            sr("the right to development", "POVERTY", "LAND"),
            ie("foreign debt and human rights", "POVERTY", "EDUCATION"),
            sr("human rights in the context of climate change", "CLIMATE", "ENVIRONMENT", "DISPLACEMENT"),
            ie("human rights and international solidarity", "POVERTY", "MIGRANTS"),
            country(HolderType.SPECIAL_RAPPORTEUR, "AF", "Afghanistan"),
            country(HolderType.SPECIAL_RAPPORTEUR, "BY", "Belarus"),
            country(HolderType.SPECIAL_RAPPORTEUR, "BI", "Burundi"),
            country(HolderType.SPECIAL_RAPPORTEUR, "KH", "Cambodia"),
            country(HolderType.INDEPENDENT_EXPERT, "CF", "the Central African Republic"),
            country(HolderType.SPECIAL_RAPPORTEUR, "KP", "the Democratic People's Republic of Korea"),
            country(HolderType.SPECIAL_RAPPORTEUR, "ER", "Eritrea"),
            country(HolderType.INDEPENDENT_EXPERT, "HT", "Haiti"),
            country(HolderType.SPECIAL_RAPPORTEUR, "IR", "the Islamic Republic of Iran"),
            country(HolderType.INDEPENDENT_EXPERT, "ML", "Mali"),
            country(HolderType.SPECIAL_RAPPORTEUR, "MM", "Myanmar"),
            country(HolderType.SPECIAL_RAPPORTEUR, "PS", "the Palestinian territories occupied since 1967"),
            country(HolderType.SPECIAL_RAPPORTEUR, "RU", "the Russian Federation"),
            country(HolderType.INDEPENDENT_EXPERT, "SO", "Somalia"),
            country(HolderType.INDEPENDENT_EXPERT, "SD", "the Sudan"));

    static final List<String> PARTNER_ACTIVITIES = List.of("communications", "country visit", "thematic report",
            "consultation", "expert meeting", "follow-up");
}
