package org.frontdoor.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link #CHILDREN} children the front door knows, written straight into triage's {@code child_record} in one
 * set-based statement: the base columns only (the database derives the matching keys itself). Names are drawn from
 * a few hundred first names and a few thousand surnames, the common ones far more often (as in a council's records:
 * many Smiths, few Kettleboroughs); dates of birth over 18 years; postcodes over a few hundred districts, a fifth
 * missing (police and public contacts often give none); three in five with an NHS number. The keys lie in one marked
 * range, so {@link #DELETE} removes exactly them.
 */
final class KnownChildren {

    static final int CHILDREN = 600_000;

    /** The marked range: every seeded key starts with this (the rest is the row's number in hex). */
    private static final String KEY_PREFIX = "be4c0000-0000-4000-8000-";
    static final String IN_RANGE = "child_key between '" + KEY_PREFIX + "000000000000' and '" + KEY_PREFIX
            + "ffffffffffff'";

    /** Parameters: first names, surnames, postcode districts (text arrays), most common first. */
    static final String SEED = """
            insert into child_record (child_key, first_name, last_name, birth_date, postcode, nhs_number, recorded_at)
            select ('%s' || lpad(to_hex(n), 12, '0'))::uuid,
                   f[1 + floor(power(random(), 1.5) * cardinality(f))::int],
                   s[1 + floor(power(random(), 2) * cardinality(s))::int],
                   date '2008-09-01' + floor(random() * 6574)::int,
                   case when random() < 0.2 then null
                        else d[1 + floor(random() * cardinality(d))::int] || ' ' || floor(random() * 10)::int
                             || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int) end,
                   case when random() < 0.4 then null else (4000000000 + n)::text end,
                   now() - random() * interval '6 years'
            from (select ?::text[] as f, ?::text[] as s, ?::text[] as d) lists, generate_series(1, %d) n
            """.formatted(KEY_PREFIX, CHILDREN);

    static final String DELETE = "delete from child_record where " + IN_RANGE;

    private static final List<String> FIRST_NAMES = List.of(("Oliver Olivia George Amelia Harry Isla Noah Ava Jack"
            + " Mia Leo Ivy Arthur Lily Muhammad Isabella Oscar Rosie Charlie Sophia Jacob Grace Thomas Freya Henry"
            + " Willow Freddie Florence Alfie Emily Theo Ella William Poppy Theodore Evie Archie Elsie Joshua Charlotte"
            + " Alexander Evelyn James Sienna Isaac Sofia Edward Daisy Lucas Phoebe Tommy Sophie Finley Alice Max"
            + " Harper Logan Ruby Ethan Matilda Mohammed Isabelle Teddy Millie Benjamin Eva Arlo Maya Joseph Luna"
            + " Sebastian Emilia Harrison Erin Elijah Chloe Adam Lucy Reggie Ellie Samuel Scarlett Louie Hallie Jude"
            + " Mila Toby Jessica Dylan Layla Albie Aria Zachary Lola Jaxon Esme Rory Maisie Reuben Imogen Ronnie"
            + " Violet Hugo Penelope Caleb Robyn Daniel Bonnie Louis Margot Jenson Nancy Frankie Thea Mason Hannah"
            + " Riley Orla Bobby Ada Elliot Eliza Harley Darcie Ezra Holly Gabriel Elizabeth Stanley Julia Harvey"
            + " Emma Jayden Amber Finn Zara Michael Molly Kayden Summer Tyler Paige Kyle Megan Liam Bethany Connor"
            + " Abigail Callum Leah Jake Jasmine Kai Niamh Lewis Courtney Ryan Shannon Cameron Caitlin Aaron Keeley"
            + " Bradley Kelsey Nathan Tia Jordan Demi Ben Leighton Amy Jamie Lacey Luke Tegan Kieran Chelsea Declan"
            + " Alisha Brandon Aisha Ashton Fatima Corey Maryam Owen Zainab Ibrahim Hafsa Yusuf Aleena Ayaan Khadija"
            + " Zayn Inaaya Hamza Safa Ali Noor Omar Amira Bilal Sana Kacper Zuzanna Jakub Lena Szymon Hanna Filip"
            + " Maja Antoni Oliwia Mateusz Julia Dawid Natalia Ionut Andreea Darius Bianca Kobe Chidi Tobi Ada Kwame"
            + " Abena Kofi Ama Tariq Nadia Ravi Priya Arjun Anaya Dev Kiran Rohan Diya").split(" "));

    /** Common surnames of England first; then the place-name kind, rarer, that make up most of the long tail. */
    private static final List<String> COMMON_SURNAMES = List.of(("Smith Jones Taylor Brown Williams Wilson Johnson"
            + " Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan"
            + " Lewis James Phillips Mason Mitchell Rose Davis Rodriguez Cox Alexander Morris Cooper Ward Harris"
            + " Martin King Lee Moore Hughes Edwards Hill Turner Baker Carter Clark Harrison Allen Scott Young Morgan"
            + " Bennett Shaw Cook Bailey Parker Kelly Marshall Collins Bell Murphy Richardson Chapman Adams Gray"
            + " Mills Holmes Watson Simpson Ellis Palmer Lloyd Webb Griffiths Wells Kaur Singh Ali Hussain Ahmed"
            + " Begum Akhtar Rahman Nowak Kowalski Wisniewski Popescu Ionescu Okafor Mensah Osei Adeyemi Reid Murray"
            + " Stewart Campbell Anderson Fraser Hunter Graham Hamilton Kennedy Gibson Grant Knight Pearson Dixon"
            + " Fox Berry Harvey Russell Hunt Stevens Holland Barker Atkinson Foster Hudson Butler Barnes Jenkins"
            + " Lawrence Lawson Pearce Stone Dawson Spencer Burton Moss Fletcher Hart Porter Day Payne Knowles Dean"
            + " Nicholson Pickering Booth Hirst Sykes Haigh Kettleborough Ackroyd Greenwood Schofield Sutcliffe"
            + " Wadsworth Crowther Lockwood Brook Firth Holroyd Whiteley Pickles Oldroyd Ramsden Hepworth Illingworth")
            .split(" "));

    private static final List<String> ROOTS = List.of(("Ash Black Brad Brook Bur Cal Chad Crom Dun East Ever Fair Far"
            + " Good Green Hal Hart Hat Hol Kettle Kings Lang Lock Marl Mid Nor Oak Pen Pick Rad Red Rom Row Sal Sand"
            + " Shel Stan Stock Sud Thorn Wal War Wel West Whit Win Wood Wor Ayles Bark Birch Bram Brent Cran Dal Dray"
            + " Elm Fen Gold Hay Holm Ing Kirk Lid Mar Ox Pres Ship Stain Tad Tick Wake Wick Yel").split(" "));

    private static final List<String> ENDINGS = List.of(("ford ley ton field worth wood by ham well borough combe den"
            + " hurst stead dale shaw thorpe bury more wick ington croft bridge gate stone holme cliffe land ridge"
            + " berry low mere wold hill brook").split(" "));

    private KnownChildren() {
    }

    static String[] firstNames() {
        return FIRST_NAMES.stream().distinct().toArray(String[]::new);
    }

    /** A few thousand: the common ones first, then every root with every ending. */
    static String[] surnames() {
        List<String> all = new ArrayList<>(COMMON_SURNAMES);
        for (String root : ROOTS) {
            for (String ending : ENDINGS) {
                String name = root + ending;
                if (!all.contains(name)) {
                    all.add(name);
                }
            }
        }
        return all.toArray(String[]::new);
    }

    /** A few hundred outward codes across Yorkshire, the Midlands and the North West. */
    static String[] postcodeDistricts() {
        List<String> districts = new ArrayList<>();
        for (String area : List.of("DN", "S", "LS", "WF", "HD", "HU", "YO", "LN", "NG", "M", "BD", "HX", "SK", "HG")) {
            for (int n = 1; n <= 28; n++) {
                districts.add(area + n);
            }
        }
        return districts.toArray(String[]::new);
    }
}
