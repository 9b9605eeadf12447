"""Place resolution from the article's context: levels, qualifiers, outlets, small towns."""

from __future__ import annotations

import pytest

from worker.extraction.gazetteer import get_gazetteer
from worker.extraction.geo_context import outlet_country, outlet_homes
from worker.extraction.model import Location
from worker.extraction.pipeline import extract
from worker.extraction.place_lookup import namesakes_first


def _loc(locations: list[Location], text: str) -> Location:
    found = [loc for loc in locations if loc.text == text]
    assert found, (text, [loc.text for loc in locations])
    return found[0]


def test_province_and_city_are_different_places() -> None:
    result = extract("Shelling hit Homs province on Monday. Later, a market in Homs was hit.")
    province, city = result.locations[0], result.locations[-1]
    assert province.kind == "region" and province.feature == "ADM1"
    assert city.kind == "city" and city.feature == "PPL"
    assert province.geonames_id != city.geonames_id
    assert province.country_code == city.country_code == "SY"


def test_state_qualifier_picks_the_town() -> None:
    result = extract("The festival moved to Paris, Texas, this year.")
    paris = _loc(result.locations, "Paris")
    assert (paris.country_code, paris.region) == ("US", "Texas")


def test_other_places_of_one_state_pick_the_town() -> None:
    text = ("Police in Alexandria arrested a man on Tuesday. Deputies from Rapides Parish "
            "and officers in Pineville searched the home.")
    alexandria = _loc(extract(text).locations, "Alexandria")
    assert (alexandria.country_code, alexandria.region) == ("US", "Louisiana")


def test_outlet_country_breaks_a_tie() -> None:
    text = "The council in Richmond approved the new library on Tuesday."
    assert _loc(extract(text, outlet="news.example.co.uk").locations, "Richmond"
                ).country_code == "GB"


def test_outlet_country_from_host_names() -> None:
    gaz = get_gazetteer()
    assert outlet_country("www.example.co.uk", gaz) == "GB"
    assert outlet_country("example.ie", gaz) == "IE"
    assert outlet_country("example.com", gaz) is None
    # Country domains sold as generic names say nothing about the country.
    assert outlet_country("example.tv", gaz) is None
    assert outlet_country(None, gaz) is None


def test_place_inside_an_organisation_name() -> None:
    result = extract("The Ohio Department of Health reported 12 new cases on Friday.")
    ohio = _loc(result.locations, "Ohio")
    assert ohio.feature == "ADM1" and ohio.country_code == "US"
    # The organisation keeps its own key.
    assert not any(e.key.startswith("geo:") for e in result.entities
                   if e.text.endswith("Department of Health"))


def test_small_towns_and_regions_are_in_the_gazetteer() -> None:
    gaz = get_gazetteer()
    assert any(p.feature == "ADM2" and p.country_code == "US"
               for p in gaz.lookup("rapides parish"))
    assert any(p.feature == "PPL" and 500 <= p.population < 1000
               for key in ("kelleyland", "cottonport", "grand isle", "deville")
               for p in gaz.lookup(key))
    hama = [p for p in gaz.lookup("hama") if p.feature == "ADM1"]
    assert hama and hama[0].country_code == "SY" and hama[0].region == "Hama"


def test_two_letter_abbreviations_are_states_not_countries() -> None:
    result = extract("He grew up in Frankfort, Ky., and moved to Alexandria.")
    assert all(loc.country_code == "US" for loc in result.locations if loc.text == "Ky.")


def test_neighbouring_towns_pick_the_namesake() -> None:
    text = ("The council in Springfield voted on Monday to close two schools. Parents from "
            "Decatur and Peoria drove in for the meeting.")
    springfield = _loc(extract(text).locations, "Springfield")
    assert (springfield.country_code, springfield.region) == ("US", "Illinois")


def test_a_famous_place_keeps_its_name_among_many_american_places() -> None:
    # Every name below has a namesake in some US state; that must not make
    # Moscow a village in Idaho or Pennsylvania, nor may the outlet being named
    # after its town.
    text = ("Flights from New York, Chicago and Atlanta to Moscow resume in June, the "
            "airline said in Washington. Passengers from Los Angeles connect in New York.")
    moscow = _loc(extract(text, outlet="moscownews.example.ru").locations, "Moscow")
    assert moscow.country_code == "RU"


def test_a_state_named_like_a_country_is_the_state_in_local_news() -> None:
    text = "Police in Atlanta and Macon said the storm closed roads across Georgia."
    georgia = _loc(extract(text).locations, "Georgia")
    assert (georgia.country_code, georgia.feature) == ("US", "ADM1")


def test_a_local_outlet_names_its_own_town() -> None:
    text = ("The Jordan city council approved the budget on Tuesday. Police in Shakopee and "
            "Prior Lake said the new road is safer.")
    # In general news "Jordan" is the country, whatever town is named beside it ...
    assert _loc(extract(text).locations, "Jordan").feature == "PCLI"
    # ... but the Jordan paper's "Jordan" is its own town, the one near Shakopee.
    jordan = _loc(extract(text, outlet="www.jordannews.com").locations, "Jordan")
    assert (jordan.country_code, jordan.feature, jordan.region) == ("US", "PPL", "Minnesota")


def test_countries_and_states_sit_at_geonames_points() -> None:
    gaz = get_gazetteer()
    us = gaz.countries["US"]
    assert abs(us.lat - 39.76) < 0.1 and abs(us.lon + 98.5) < 0.1
    ontario = next(p for p in gaz.lookup("ontario") if p.feature == "ADM1")
    assert abs(ontario.lat - 49.25) < 0.1 and abs(ontario.lon + 84.5) < 0.1


def test_places_inside_longer_names() -> None:
    jail = extract("He was booked into the Henderson County Jail in Athens, Texas, on Friday.")
    assert _loc(jail.locations, "Henderson County").region == "Texas"
    north = extract("Storms swept across North Texas on Monday, closing roads near Dallas.")
    assert _loc(north.locations, "Texas").feature == "ADM1"
    party = extract("The West Virginia Democratic Party met in Charleston on Monday.")
    assert _loc(party.locations, "West Virginia").feature == "ADM1"
    school = extract("She studied at the University of Georgia before moving to Atlanta.")
    georgia = _loc(school.locations, "Georgia")
    assert (georgia.country_code, georgia.feature) == ("US", "ADM1")


def test_untagged_towns_in_datelines_and_home_towns() -> None:
    text = ("BELGRADE, Minn. -- A barn burned on Tuesday. Rep. Jane Smith, D-Chicopee, said "
            "the state would help, and a crew from Springfield, Mass., came to look.")
    found = {loc.text: loc for loc in extract(text).locations}
    assert found["BELGRADE"].region == "Minnesota"
    assert found["Chicopee"].region == "Massachusetts"
    town = {loc.text: loc for loc in extract("Moorhead, Minn., sent two trucks.").locations}
    assert town["Moorhead"].region == "Minnesota"


def test_america_and_spaced_state_abbreviations() -> None:
    gaz = get_gazetteer()
    assert any(p.feature == "PCLI" and p.country_code == "US" for p in gaz.lookup("america"))
    assert any(p.feature == "ADM1" and p.admin1 == "WV" for p in gaz.lookup("w va"))


def test_a_name_that_speaks_is_a_person() -> None:
    text = ("At the VFW post in Gainesville, Texas, Baker, almost 40, talked about his ride. "
            "Baker said he would reach Denton by June.")
    assert not [loc for loc in extract(text).locations if loc.text == "Baker"]


def test_streets_and_stray_villages_abroad_are_not_the_articles_places() -> None:
    text = ("Arlington council members met residents of Washington Drive on Monday. Titan "
            "plans to drill near Fort Worth, and Dallas officials will watch, Denton said.")
    found = {loc.text: loc for loc in extract(text).locations}
    assert found["Arlington"].region == "Texas"
    assert "Washington" not in found
    assert found.get("Titan") is None or found["Titan"].country_code == "US"


def test_rivers_sit_at_the_county_named_like_them_and_gulfs_are_no_country() -> None:
    river = extract("The Kanawha River rose near Charleston and Dunbar, W.Va., on Monday.")
    kanawha = _loc(river.locations, "Kanawha River")
    assert (kanawha.name, kanawha.region) == ("Kanawha County", "West Virginia")
    gulf = extract("Boats crossed the Gulf of Mexico toward Houston, Texas.")
    assert not [loc for loc in gulf.locations if loc.country_code == "MX"]


def test_a_bare_capital_is_the_city_not_a_region_known_by_its_name() -> None:
    moscow = _loc(extract("Moscow says its strikes hit only militant targets.").locations,
                  "Moscow")
    assert (moscow.kind, moscow.feature, moscow.country_code) == ("city", "PPL", "RU")
    oblast = _loc(extract("Snow closed roads across the Moscow region.").locations, "Moscow")
    assert (oblast.kind, oblast.country_code) == ("region", "RU")


def test_a_capital_among_its_countrys_rivals_and_a_namesake_state() -> None:
    # An article about Russia's dealings with the United States: Moscow is still
    # Russia's, not the town in Idaho, and bare "Washington" the capital, not the state.
    text = ("Moscow and Washington traded accusations on Monday. The United States "
            "said Russia had broken the treaty, and US officials in New York, Chicago "
            "and Los Angeles were told to prepare.")
    locations = extract(text).locations
    moscow = _loc(locations, "Moscow")
    assert moscow.country_code == "RU"
    washington = _loc(locations, "Washington")
    assert (washington.feature, washington.region) == ("PPL", "District of Columbia")
    state = _loc(extract("Wildfires spread across Washington state on Monday.").locations,
                 "Washington")
    assert state.feature == "ADM1"


def test_a_dateline_is_a_town_not_the_state() -> None:
    text = "NEW YORK, March 3 (TASS). Iran tested a ballistic missile, Fox News reported."
    new_york = _loc(extract(text).locations, "NEW YORK")
    assert (new_york.feature, new_york.name) == ("PPL", "New York City")


def test_a_portfolio_is_no_town_but_a_country_in_a_bodys_name_is_a_place() -> None:
    text = ("Police in Chicago, Illinois, met officials of the Department of Justice "
            "on Monday. The Department of Commerce sent no one.")
    assert {loc.text for loc in extract(text).locations} == {"Chicago", "Illinois"}
    result = extract("The Ministry of Foreign Affairs of Ukraine said the talks were over.")
    assert [loc.name for loc in result.locations] == ["Ukraine"]
    keys = {e.key for e in result.entities if e.label == "ORG"}
    assert keys == {"org:ukrainian-foreign-ministry"}


def test_a_country_s_own_name_is_the_country_among_american_places() -> None:
    # Egypt is also a village in Pennsylvania, and every other place here is
    # Pennsylvanian; the country's own name still means the country.
    text = ("Officials in Pittsburgh, Harrisburg, Allentown and Erie said school trips to "
            "Egypt were cancelled. Families in Scranton and Lancaster had booked the trip "
            "to Egypt in the spring.")
    locations = extract(text).locations
    assert {loc.country_code for loc in locations if loc.text == "Egypt"} == {"EG"}
    assert _loc(locations, "Scranton").region == "Pennsylvania"


def test_an_outlet_named_after_its_country_is_no_local_paper() -> None:
    gaz = get_gazetteer()
    # A China outlet's "China" is the country, not the town a local paper is
    # named after ...
    assert "china" not in outlet_homes("europe.chinadaily.com.cn", gaz)
    # ... which "jordannews.com" is, having no country of its own in its name.
    assert "jordan" in outlet_homes("www.jordannews.com", gaz)


def test_a_country_after_a_country_is_a_list_not_a_qualifier() -> None:
    # "Paris, Texas" is a town in its state; "Canada, Mexico" two countries (not
    # a Mexican village called Cañada).
    text = ('"We think there are parts of it that need to be looked at," he said of the '
            "trade agreement between Canada, Mexico and the United States.")
    canada = [loc for loc in extract(text).locations if loc.text == "Canada"]
    assert canada and all(loc.country_code == "CA" for loc in canada)


def test_a_country_the_recogniser_missed_is_the_country() -> None:
    text = ("The President of Belarus Alexander Lukashenko said at the meeting that talks "
            "would go on.")
    belarus = _loc(extract(text).locations, "Belarus")
    assert (belarus.country_code, belarus.feature) == ("BY", "PCLI")


def test_a_country_tagged_as_a_person_is_the_country_named_elsewhere() -> None:
    # The recogniser reads the second "Ireland" as a person; promoted to a place,
    # it is the country the article names, not a town once called Ireland.
    text = ('Mr Mulvaney, whose family is from Mayo, visited Ireland in March. He said '
            'Ireland was "beating" the US on corporate tax, but that his country is going '
            "to try to win.")
    ireland = [loc for loc in extract(text).locations if loc.text == "Ireland"]
    assert len(ireland) == 2 and {loc.country_code for loc in ireland} == {"IE"}


def test_a_state_name_is_the_state_among_another_states_towns() -> None:
    # Maine Township lies in Illinois, and the article's other places are there.
    text = ("The storm brought snow to Chicago, Des Plaines and Springfield in Illinois "
            "on Tuesday, and then moved east to Maine.")
    maine = _loc(extract(text).locations, "Maine")
    assert (maine.country_code, maine.feature, maine.region) == ("US", "ADM1", "Maine")
    # A village in England is called Wales too.
    text = ("The Prime Minister visited London, Manchester and Birmingham before "
            "travelling to Wales.")
    wales = _loc(extract(text).locations, "Wales")
    assert (wales.country_code, wales.feature, wales.region) == ("GB", "ADM1", "Wales")


def test_a_region_abroad_does_not_take_a_local_towns_name() -> None:
    # Hanover is a Jamaican parish; a New Hampshire article means its own town.
    text = ("Dartmouth College in Hanover announced the plan. Students from Concord and "
            "Manchester will attend classes in Hanover this fall.")
    hanover = [loc for loc in extract(text).locations if loc.text == "Hanover"]
    assert hanover and {(loc.country_code, loc.kind) for loc in hanover} == {("US", "city")}


def test_planets_and_oceans_are_not_the_towns_named_after_them() -> None:
    text = ("The SpaceX capsule returned to Earth on Sunday, splashing down in the Pacific "
            "off California.")
    found = {loc.text: loc for loc in extract(text).locations}
    assert "Earth" not in found and "Pacific" not in found
    assert found["California"].feature == "ADM1"


def test_names_built_on_common_words_are_not_towns() -> None:
    # Coast is a Tanzanian region, and Arab, Justice and Fox are American towns.
    text = ("The Coast Guard searched the East Coast on Tuesday, Fox News reported. Arab "
            "League envoys met Justice Department officials in Washington and New York.")
    found = {loc.text for loc in extract(text, outlet="abcnews.go.com").locations}
    assert not found & {"Coast", "Fox", "Arab", "Justice"}
    assert "New York" in found


def test_a_legislature_is_no_town_but_a_region_word_makes_a_place() -> None:
    congress = extract("Republicans in Congress met in Washington on Tuesday. Lawmakers from "
                       "Texas and Ohio said the U.S. plan would stall in Congress.")
    assert "Congress" not in {loc.text for loc in congress.locations}
    # The recogniser tags "Gambella" as a person both times; "region" says otherwise.
    text = ("The raids occurred in Gambella region on Sunday. Aid rarely reaches people in "
            "Gambella, officials in Addis Ababa said.")
    gambella = [loc for loc in extract(text).locations if loc.text == "Gambella"]
    assert len(gambella) == 2 and {loc.country_code for loc in gambella} == {"ET"}


def test_a_state_abroad_after_of_is_still_a_place() -> None:
    text = ("Qian, an assistant professor at the University of British Columbia, said trade "
            "with China would grow.")
    found = {loc.text: loc for loc in extract(text, outlet="chinadaily.com.cn").locations}
    assert (found["British Columbia"].country_code, found["British Columbia"].feature) == (
        "CA", "ADM1")


def test_a_state_in_a_body_s_name_is_a_place_in_a_paper_that_names_no_country() -> None:
    text = ("A Minnesota Highway Safety and Research Center course will be offered in "
            "Parkers Prairie on April 14. Call the school to register.")
    found = {loc.text: loc for loc in extract(text).locations}
    assert found["Minnesota"].feature == "ADM1"


def test_an_organisation_on_another_name_of_a_town_is_no_town() -> None:
    # GeoNames gives Brighton, Colorado, the other name "Hughes".
    text = ("The Hughes Group, which is headquartered in Tupelo, Mississippi, bought the "
            "plant on Monday.")
    assert "Hughes" not in {loc.text for loc in extract(text).locations}


def test_a_dateline_tagged_as_an_organisation_is_a_place() -> None:
    result = extract("KIROV, February 8. /TASS/. A court in the region sentenced a former "
                     "governor.", outlet="tass.com")
    kirov = _loc(result.locations, "KIROV")
    assert (kirov.country_code, kirov.kind) == ("RU", "city")


def test_another_name_of_a_town_gives_way_to_towns_called_so() -> None:
    gaz = get_gazetteer()
    rockwell = namesakes_first(gaz.lookup("rockwell"), "rockwell")
    assert rockwell and all(p.name == "Rockwell" for p in rockwell)
    # Syria has no town called Palmyra, so its other name still reaches Tadmur.
    assert "Tadmur" in {p.name for p in namesakes_first(gaz.lookup("palmyra"), "palmyra")}
    # A county counts as called by its name without the word "County".
    clay = namesakes_first(gaz.lookup("clay"), "clay")
    assert any(p.name == "Clay County" for p in clay)


def test_a_recognised_name_is_not_a_town_known_by_it_beside_places_called_so() -> None:
    # Watervliet, New York, and Tappahannock, Virginia, are also called Washington.
    for text in ("Officials met in Washington and New York on Tuesday.",
                 "Mueller testified in Washington. Officials in Virginia agreed."):
        washington = _loc(extract(text).locations, "Washington")
        assert (washington.name, washington.region) == ("Washington", "District of Columbia")


def test_a_world_region_is_no_town_and_pulls_no_namesake_abroad() -> None:
    # Middle East is a Maryland hamlet, and Geneva an Illinois town too.
    text = ("Russian and Syrian envoys will hold talks in Geneva on Monday. A deal could "
            "serve as a blueprint for other Middle East disputes, Moscow said.")
    found = {loc.text: loc for loc in extract(text, outlet="tass.com").locations}
    assert "Middle East" not in found
    assert found["Geneva"].country_code == "CH"


def test_a_country_named_in_passing_does_not_pull_world_cities_to_its_towns() -> None:
    # Brussels, Wisconsin, and Rome, New York, are American towns; the report names
    # the United States once, among European countries.
    text = ("EU leaders will meet in Rome next month. Germany, France and Latvia want the "
            "bloc to stay united, a diplomat in Brussels said, as the United States "
            "weighs new tariffs on Hungary and Slovenia.")
    found = {loc.text: loc for loc in extract(text, outlet="dw.com").locations}
    assert found["Rome"].country_code == "IT"
    assert found["Brussels"].country_code == "BE"


def test_an_american_article_keeps_its_small_town_namesakes() -> None:
    # The same rule leaves the state's evidence alone: Moscow, Idaho, beside Boise.
    text = ("Police in Moscow arrested a student on Tuesday. The University of Idaho "
            "campus was closed, and officers from Boise and Lewiston joined the search.")
    moscow = [loc for loc in extract(text).locations if loc.text == "Moscow"]
    assert moscow and moscow[0].country_code == "US"


def test_a_name_tagged_as_a_club_is_the_place_named_elsewhere() -> None:
    # "Against Freiburg" is tagged as an organisation; Freiburg is also the old
    # German name of Swiebodzice, a Polish town, and the article has a Polish player.
    text = ("Against Freiburg, Bayer Leverkusen lost again last week. The Polish "
            "goalkeeper, who joined from a French club, said the pitch in Freiburg was "
            "frozen.")
    freiburg = [loc for loc in extract(text, outlet="dw.com").locations
                if loc.text == "Freiburg"]
    assert len(freiburg) == 2
    assert freiburg[0].geonames_id == freiburg[1].geonames_id
    assert freiburg[0].country_code != "PL"


def test_big_cities_in_a_list_are_not_villages_in_one_of_their_states() -> None:
    # Austin and Boston are also villages in Pennsylvania, Philadelphia's state.
    text = ("Hundreds of business owners in Washington, D.C., Austin, Boston, Philadelphia "
            "and other cities closed their shops on Thursday in protest.")
    found = {loc.text: loc for loc in extract(text, outlet="abcnews.go.com").locations}
    assert found["Austin"].region == "Texas"
    assert found["Boston"].region == "Massachusetts"


def test_first_names_are_not_small_towns_abroad_for_a_national_outlet() -> None:
    # Tara, Duran and Victorias are Philippine towns; a British paper means people.
    text = ("Whatever happened to the 'It girls'? They were Tara, Tamara, Amanda, Isabella. "
            "Tara went to Cheltenham Ladies' College and partied in London. At 19 she "
            "married Duran Duran bassist John Taylor. Lady Victoria wrote Victoria's "
            "Secrets, a London party diary, and a friend of Tara's moved to Los Angeles.")
    found = extract(text, outlet="www.bbc.co.uk").locations
    assert "PH" not in {loc.country_code for loc in found}
    assert {"London", "Los Angeles"} <= {loc.text for loc in found}


def test_the_baltic_is_a_world_region_not_a_town() -> None:
    # Baltic is a village in Connecticut and in Ohio.
    text = "NATO will send troops to the Baltic states, the US said, to deter Russia."
    assert "Baltic" not in {loc.text for loc in extract(text).locations}


def test_a_capital_taken_for_its_country_lends_no_namesake_its_state() -> None:
    # Dublin and Shannon are both towns in Georgia; in an Irish paper, Dublin is
    # the capital, and its Georgian namesake must not carry Shannon to Georgia.
    text = ("Officials told US representatives that preclearance in Dublin and Shannon "
            "should remain, as it serves Ireland well. The US order on refugees was "
            "applied at Dublin and Shannon airports. The Irish side said its views had "
            "been passed to the US authorities and to US President Donald Trump.")
    found = [loc for loc in extract(text, outlet="www.rte.ie").locations
             if loc.text in {"Dublin", "Shannon"}]
    assert len(found) == 4
    assert {loc.country_code for loc in found} == {"IE"}


def test_a_state_named_like_a_department_abroad_is_the_state() -> None:
    # Florida is also a department of Uruguay and a village in New York state.
    text = ("Rep. Mario Diaz-Balart, a Republican from Florida, told reporters in New York "
            "that the US must act.")
    florida = _loc(extract(text).locations, "Florida")
    assert (florida.feature, florida.region) == ("ADM1", "Florida")


def test_a_province_is_not_a_village_called_by_its_short_name() -> None:
    # GeoNames calls the provinces "Hebei Sheng" and so on; villages called plain
    # Hebei, Hunan and Hubei lie in other provinces.
    text = "The new line crosses Hebei, Hunan and Hubei before it reaches the coast."
    found = extract(text, outlet="europe.chinadaily.com.cn").locations
    assert [(loc.text, loc.feature) for loc in found] == [
        ("Hebei", "ADM1"), ("Hunan", "ADM1"), ("Hubei", "ADM1")]
    assert [loc.name for loc in found] == ["Hebei Sheng", "Hunan Sheng", "Hubei Sheng"]


def test_a_world_city_is_not_a_far_smaller_namesake_in_a_named_country() -> None:
    # Vienna, Virginia, has a hundredth of Vienna's people, and Paris, Texas, an
    # eightieth of Paris's; an article naming the US often still means neither.
    text = ("VIENNA, February 23. /TASS/. Russian and US delegations to the OSCE met in "
            "Vienna on Thursday.")
    vienna = [loc for loc in extract(text, outlet="tass.com").locations
              if loc.text.lower() == "vienna"]
    assert len(vienna) == 2 and {loc.country_code for loc in vienna} == {"AT"}
    # For an outlet abroad, five times the size is enough.
    text = ("Spotify has 50 million subscribers in the US and leads the United States "
            "market. Other competitors include Paris-based Deezer. Amazon, of Seattle, "
            "sells in the US too.")
    found = {loc.text: loc for loc in extract(text, outlet="www.rte.ie").locations}
    assert found["Paris"].country_code == "FR"
    assert found["Seattle"].region == "Washington"


def test_a_metropolis_does_not_pull_a_name_to_the_village_beside_it() -> None:
    # Frankfurt (Oder) lies next to Berlin, and a hamlet called Hebei in Beijing's
    # suburbs; neither is what the article means.
    text = ("More than 30,000 Kurds marched through the streets of Frankfurt on Saturday. "
            "Police in Berlin said the march in Frankfurt was peaceful, and Germany's "
            "government called for calm.")
    frankfurt = _loc(extract(text, outlet="dw.com").locations, "Frankfurt")
    assert frankfurt.region == "Hessen"
    text = ("In the northern provinces, such as Hebei, Liaoning and even in Beijing, "
            "dumplings are eaten. In Shanghai and Fujian, people eat rice balls.")
    hebei = _loc(extract(text, outlet="europe.chinadaily.com.cn").locations, "Hebei")
    assert (hebei.feature, hebei.name) == ("ADM1", "Hebei Sheng")


def test_upper_case_town_and_country_pairs_are_found_and_qualified() -> None:
    # A timeline in capitals: the model tags few of these, some as organisations.
    text = (
        "NUMBER OF ATTACKS: 78\n\n"
        "MELBOURNE, AUSTRALIA September, 2014 TARGET: Two police officers wounded. "
        "406 stories KARACHI, PAKISTAN April, 2015 TARGET: One citizen wounded. "
        "612 stories SOUSSE, TUNISIA June, 2015 TARGET: 38 killed. "
        "1,509 stories OTTAWA, CANADA October, 2014 TARGET: One soldier killed. "
        "88 stories LONDON, ENGLAND in May."
    )
    places = {loc.text: loc for loc in extract(text, outlet="cnn.com").locations}
    got = {name: places[name].country_code if name in places else None
           for name in ("MELBOURNE", "AUSTRALIA", "KARACHI", "SOUSSE", "TUNISIA", "OTTAWA",
                        "LONDON")}
    assert got == {"MELBOURNE": "AU", "AUSTRALIA": "AU", "KARACHI": "PK", "SOUSSE": "TN",
                   "TUNISIA": "TN", "OTTAWA": "CA", "LONDON": "GB"}
    assert places["MELBOURNE"].region == "Victoria"


def test_upper_case_words_that_are_not_a_town_in_the_named_country_stay_out() -> None:
    text = "TARGET, FRANCE and ATTACKER, EGYPT were the column headings of the table."
    names = [loc.text for loc in extract(text, outlet="cnn.com").locations]
    assert "TARGET" not in names and "ATTACKER" not in names


def test_abbreviated_saints_and_mounts_in_capitals_and_datelines() -> None:
    # "ST." was split into a word and a full stop, leaving "LOUIS" (Louisville,
    # Illinois); GeoNames spells out "Saint Cloud".
    text = "Shootings in ST. LOUIS, MISSOURI and ST. CLOUD, MINNESOTA left two dead."
    places = {loc.text: loc for loc in extract(text, outlet="nytimes.com").locations}
    got = {name: (places[name].name, places[name].region) if name in places else None
           for name in ("ST. LOUIS", "ST. CLOUD")}
    assert got == {"ST. LOUIS": ("St. Louis", "Missouri"),
                   "ST. CLOUD": ("Saint Cloud", "Minnesota")}
    assert "LOUIS" not in places
    dateline = extract("ST. PAUL (AP) — The mayor said the city was calm.",
                       outlet="apnews.com").locations
    assert [(loc.text, loc.name, loc.region) for loc in dateline] == [
        ("ST. PAUL", "Saint Paul", "Minnesota")]


def test_an_abbreviated_town_is_looked_up_spelled_out_too() -> None:
    text = "The candidate spoke in Mt. Vernon, Ohio, after a stop in Columbus."
    town = _loc(extract(text, outlet="nytimes.com").locations, "Mt. Vernon")
    assert (town.name, town.region) == ("Mount Vernon", "Ohio")
    text = "The St. Charles County Police Department in Missouri said he died at home."
    county = _loc(extract(text, outlet="foxnews.com").locations, "St. Charles County")
    assert (county.name, county.feature) == ("Saint Charles County", "ADM2")


def test_a_town_named_like_its_state_is_the_town() -> None:
    # A place does not qualify itself: "New York, N.Y." is the city.
    text = "The senator flew to New York, N.Y., on Monday to meet donors before the vote."
    town = _loc(extract(text, outlet="nytimes.com").locations, "New York")
    assert (town.name, town.feature) == ("New York City", "PPL")
    text = ("The attacks in capitals: 241 stories NEW YORK, NY; SEASIDE PARK AND "
            "ELIZABETH, NJ. 269 stories ST. CLOUD, MN, US September, 2016.")
    places = {loc.text: loc for loc in extract(text, outlet="cnn.com").locations}
    assert (places["NEW YORK"].name, places["NEW YORK"].feature) == ("New York City", "PPL")
    # A state's postal code qualifies the town before it.
    assert (places["ST. CLOUD"].name, places["ST. CLOUD"].region) == ("Saint Cloud", "Minnesota")


def test_saint_abbreviated_reaches_a_country_spelled_out() -> None:
    text = "The poet died at home in St. Lucia, the Caribbean island nation, on Friday."
    place = _loc(extract(text, outlet="nytimes.com").locations, "St. Lucia")
    assert (place.country_code, place.kind) == ("LC", "country")


def test_a_capitalised_pair_the_recogniser_gave_another_kind_is_a_place() -> None:
    # The model took "NICE" for a work of art, "ST. CLOUD" for a product, and
    # only "TIZI" of "TIZI OUZOU" for an organisation.
    text = ("86 stories NICE, FRANCE July, 2016 TARGET: 86 killed by truck. "
            "269 stories ST. CLOUD, MN, US September, 2016. "
            "12 stories TIZI OUZOU, ALGERIA in May.")
    extraction = extract(text, outlet="cnn.com")
    places = {loc.text: loc for loc in extraction.locations}
    assert (places["NICE"].name, places["NICE"].country_code) == ("Nice", "FR")
    assert (places["ST. CLOUD"].name, places["ST. CLOUD"].region) == ("Saint Cloud", "Minnesota")
    assert (places["TIZI OUZOU"].name, places["TIZI OUZOU"].country_code) == ("Tizi Ouzou", "DZ")
    # The entity is the whole town, no longer an organisation called "TIZI".
    assert [(e.text, e.label) for e in extraction.entities if "TIZI" in e.text] == [
        ("TIZI OUZOU", "GPE")]


@pytest.mark.parametrize(("text", "name", "country"), [
    # The article's country is no evidence for a village against a capital or a
    # metropolis abroad with its name.
    ("The United States cannot withdraw from Paris for about two years, an American "
     "law professor said. The U.S. president signed the order in Washington on "
     "Tuesday, and officials in Oklahoma and West Virginia welcomed it.", "Paris", "FR"),
    ("Historian David Starkey compared Brexit to Henry VIII's break from Rome. Britain, "
     "England and London were at the centre of the empire, he said, unlike New York.",
     "Rome", "IT"),
    # A country is a country by any of its names.
    ("Last week, the U.S. Treasury said the Soviet Union's debt to Macedonia was paid "
     "off. American and Russian officials met in New York and Washington to discuss the "
     "debt owed by the United States.", "Macedonia", "MK"),
    # A country after a country is a list, not a qualifier ("America" is not a
    # state in which Russia, Ohio, lies).
    ("Hailing from countries including Syria, Saudi Arabia, Egypt, Russia, America, "
     "Pakistan and Ghana, the artists use ancient poetry.", "Russia", "RU"),
])
def test_a_famous_place_is_not_pulled_to_a_namesake_by_the_country_alone(
        text: str, name: str, country: str) -> None:
    assert _loc(extract(text).locations, name).country_code == country


def test_a_town_in_a_longer_name_is_the_town_named_elsewhere() -> None:
    # "New York" must not carry Boston, New York, into "Boston University" while
    # the bare "Boston" is Massachusetts'.
    result = extract("Walcott taught for decades at Boston University, and spent time "
                     "in New York and Boston as well as St. Lucia.")
    bostons = [loc for loc in result.locations if loc.text == "Boston"]
    assert len(bostons) == 2
    assert {loc.region for loc in bostons} == {"Massachusetts"}


def test_a_named_state_alone_does_not_give_a_village_a_famous_name() -> None:
    # Boston, Pennsylvania, has 545 people; the article names Pennsylvania, but
    # nothing near that Boston.
    result = extract("Districts in Boston and Philadelphia cancelled school on Tuesday. "
                     "The governor of Pennsylvania declared an emergency.")
    assert _loc(result.locations, "Boston").region == "Massachusetts"
    assert _loc(result.locations, "Philadelphia").region == "Pennsylvania"


@pytest.mark.parametrize(("text", "name", "place"), [
    # A state named in a list is not where a company is based.
    ("The Toronto-based company has plants in Ohio, Michigan and Indiana, the company "
     "said.", "Toronto", ("CA", "Ontario")),
    ("Dallas-based AT&T said on Monday that it would cut jobs in Missouri and Kansas.",
     "Dallas", ("US", "Texas")),
    # "New York-based" is the city, not the state.
    ("A New York-based rights group said the arrests in Cairo were unlawful.", "New York",
     ("US", "New York")),
    # A namesake in the state the article is about keeps its chance.
    ("The Portland-based firm has offices in Bangor and Augusta, Maine.", "Portland",
     ("US", "Maine")),
])
def test_where_a_company_is_based_is_the_famous_town(
        text: str, name: str, place: tuple[str, str]) -> None:
    found = _loc(extract(text).locations, name)
    assert (found.country_code, found.region) == place
    assert found.kind == "city"


def test_a_place_before_based_is_found_whatever_the_recogniser_tagged() -> None:
    # The model takes "Sanaa" for a person and "Manchester" for a product here, and
    # "Faith" opening a sentence is no town.
    result = extract("Reprieve, a London-based group, and a Sanaa-based human rights "
                     "worker told CNN that 23 civilians were killed. New entries such as "
                     "Manchester-based babywear company Brecrest Fashion grew. Faith-based "
                     "groups said they would help.")
    assert [(loc.text, loc.country_code) for loc in result.locations] == [
        ("London", "GB"), ("Sanaa", "YE"), ("Manchester", "GB")]


def test_a_generic_word_inside_a_name_is_not_the_town_of_that_name() -> None:
    # University, Florida; Union, New Jersey; Energy, Illinois: each lies in a
    # state the text names, yet inside these names each word is only itself.
    result = extract("At Southeast University in Gainesville, Florida, students watched "
                     "the State of the Union address. In Trenton, New Jersey, the Energy "
                     "and Commerce Committee's chair, from Illinois, spoke.")
    assert [loc.text for loc in result.locations] == [
        "Gainesville", "Florida", "Trenton", "New Jersey", "Illinois"]


@pytest.mark.parametrize("text", [
    "In many Gulf states, most people are employed by the state, said an expert in Texas "
    "and Florida.",
    "Helicopters fired rockets at ISIL positions in Mosul's Old City, as residents of "
    "Philadelphia, Pennsylvania, watched.",
])
def test_regions_and_quarters_named_by_what_they_are_are_not_towns(text: str) -> None:
    # Gulf County, Florida, and Old City, Pennsylvania, lie in states the text names.
    names = [loc.text for loc in extract(text).locations]
    assert "Gulf" not in names and "Old City" not in names


def test_a_character_the_article_names_as_a_person_is_not_a_village() -> None:
    text = ("LeFou tries to come to terms with feelings for Gaston. The film's main "
            "antagonist Gaston is played by Luke Evans, who grew up in Wales.")
    assert [loc.text for loc in extract(text).locations] == ["Wales"]
    # In a place's frame the name is still the town.
    assert _loc(extract("Police in Gaston said the man was arrested. Gaston told "
                        "reporters he lived in South Carolina.").locations,
                "Gaston").region == "South Carolina"


def test_a_nationality_tagged_as_a_place_is_its_people_not_a_town() -> None:
    # "Kazakh" is one of Petropavl's other names in GeoNames; the gazetteer's own
    # demonym for Kazakhstan is "Kazakhstani".
    result = extract("Baratov, a Canadian and Kazakh national, was arrested in Canada. "
                     "Talks in the Kazakh capital Astana resume on Monday.")
    assert [(loc.text, loc.country_code) for loc in result.locations] == [
        ("Canada", "CA"), ("Astana", "KZ")]


def test_a_city_is_not_a_smaller_province_abroad_called_like_it() -> None:
    # Mozambique has a province called Gaza, a little smaller than Gaza City.
    gaza = _loc(extract("Israeli air strikes hit Gaza on Sunday, the Palestinian health "
                        "ministry said.").locations, "Gaza")
    assert (gaza.feature, gaza.country_code) == ("PPL", "PS")
    named = extract("Floods hit Gaza in southern Mozambique.").locations
    assert (_loc(named, "Gaza").feature, _loc(named, "Gaza").country_code) == ("ADM1", "MZ")
    # A region word asks for a province (here the Palestinian governorate).
    assert _loc(extract("Floods hit Gaza province on Monday.").locations,
                "Gaza").feature == "ADM1"


def test_datelines_with_a_colon_or_a_long_dash() -> None:
    beirut = extract("Vandals desecrate graves near church\n"
                     "BEIRUT: Unknown assailants removed the doors of eight cemeteries.")
    assert [(loc.text, loc.country_code) for loc in beirut.locations] == [("BEIRUT", "LB")]
    columbia = extract("Sanford rejects aid\nCOLUMBIA --- Gov. Mark Sanford said Friday he "
                       "would not spend the money.")
    assert _loc(columbia.locations, "COLUMBIA").region == "South Carolina"
    # A rubric in capitals before a colon is no town, whatever other names towns have.
    for rubric in ("MORE", "SHARE"):
        assert extract(f"{rubric}: The mayor said taxes would fall.").locations == []


def test_shared_datelines_and_a_wire_credit_in_title_case() -> None:
    # "(Reuters)" is a credit like "(AP)"; a slash joins the places a report is
    # filed from, each a town, whether the model tagged both, one or neither.
    shared = extract("NEW YORK/BOSTON (Reuters) - Snow began blanketing the "
                     "northeastern United States on Tuesday as a storm rolled in.")
    assert [(loc.text, loc.region, loc.feature) for loc in shared.locations][:2] == [
        ("NEW YORK", "New York", "PPL"), ("BOSTON", "Massachusetts", "PPL")]
    joined = extract("BEIRUT/AMMAN, March 3 (Reuters) - Rebels said on Tuesday they "
                     "had taken the town.")
    assert [(loc.text, loc.country_code, loc.feature) for loc in joined.locations] == [
        ("BEIRUT", "LB", "PPL"), ("AMMAN", "JO", "PPL")]


def test_a_continent_is_the_continent_and_a_sea_no_town() -> None:
    text = ("Priests are treated like God in the Philippines - Asia's largest Catholic "
            "nation. Refugees crossed the Red Sea to Sudan, far from the North Sea.")
    found = [(loc.text, loc.feature, loc.country_code) for loc in extract(text).locations]
    assert ("Asia", "CONT", "") in found
    assert not any(name in {"Red Sea", "North Sea"} for name, _, _ in found)
    # A region word still asks for the state named after the sea.
    state = _loc(extract("Port Sudan is the capital of Red Sea state.").locations, "Red Sea")
    assert (state.feature, state.country_code) == ("ADM1", "SD")


def test_a_lawmakers_state_after_the_party_letter() -> None:
    text = ("In an appearance on CNN, Rep. Maxine Waters, D-California, criticized the "
            "president's treatment of a reporter who lives in Maryland.")
    california = _loc(extract(text).locations, "California")
    assert (california.feature, california.region) == ("ADM1", "California")


def test_a_province_in_a_list_is_the_province_not_a_village_of_its_name() -> None:
    text = ("The six provinces in central China - Henan, Shanxi, Hubei, Anhui, Hunan and "
            "Jiangxi - will account for much of the output.")
    found = {loc.text: loc for loc in extract(text).locations}
    assert found["Henan"].feature == "ADM1" and found["Henan"].region == "Henan Sheng"


@pytest.mark.parametrize(("text", "name"), [
    # A company's name, a person's name, another name of a small town.
    ("Mobile Technologies Inc is to create 150 jobs in Drogheda, leaving Alabama.", "Mobile"),
    ("Premiums rose, according to a study from the Henry J. Kaiser Family Foundation, "
     "in Nashville, Tennessee.", "Henry"),
    ("Navalny looks to the European Court of Human Rights in Strasbourg and to Kiev, "
     "Ukraine.", "Human"),
])
def test_a_longer_name_opening_with_a_towns_name_is_not_always_the_town(
        text: str, name: str) -> None:
    assert name not in [loc.text for loc in extract(text).locations]


def test_a_local_body_and_a_namesake_named_elsewhere_keep_their_town() -> None:
    text = ("Officers of the Gainesville Police Department and Hall County, Georgia, "
            "responded.")
    assert _loc(extract(text).locations, "Gainesville").region == "Georgia"
    # Named as a place elsewhere, a club's town is the article's one, not Egypt's
    # governorate of that name.
    text = ("Volunteers from the Alexandria area came to Moorhead, Minnesota. The "
            "Alexandria Blizzard coordinated the buses.")
    towns = [loc for loc in extract(text).locations if loc.text == "Alexandria"]
    assert len(towns) == 2 and {(t.country_code, t.region) for t in towns} == {
        ("US", "Minnesota")}


@pytest.mark.parametrize(("text", "word"), [
    ("The death has occurred of Bishop Eamon Casey, the former Bishop of Galway. His "
     "passing was confirmed by a spokesman. Casey later worked in Los Angeles, "
     "California.", "Bishop"),
    ("The U.S. Department of Justice on Wednesday will announce charges against four "
     "people, officials in Chicago, Illinois, said.", "Justice"),
    ("The Empire State Building lit up in pink, as did towers in San Francisco, "
     "California.", "Empire"),
])
def test_titles_and_institution_words_are_no_towns(text: str, word: str) -> None:
    assert not any(word in loc.text for loc in extract(text).locations)


def test_a_big_capital_in_a_dateline_is_the_capital() -> None:
    text = ("WASHINGTON — Progressives in Illinois, Peoria and Springfield wonder whether "
            "the president will give any ground.")
    assert _loc(extract(text).locations, "WASHINGTON").region == "District of Columbia"
    qualified = extract("WASHINGTON, Ill. — Progressives in Peoria wonder.").locations
    assert _loc(qualified, "WASHINGTON").region == "Illinois"


def test_a_city_known_by_a_short_name_beats_its_countrys_villages_called_so() -> None:
    text = ("Property markets are strong in what are known as the Big Six: Manchester, "
            "Birmingham, Bristol, Leeds, Newcastle and Edinburgh.")
    newcastle = _loc(extract(text).locations, "Newcastle")
    assert (newcastle.name, newcastle.country_code) == ("Newcastle upon Tyne", "GB")
    # A capital called exactly so is not the bigger city it lies in.
    delhi = _loc(extract("Talks opened in New Delhi, India, on Monday.").locations,
                 "New Delhi")
    assert delhi.name == "New Delhi"
