from atlas.pages.french import NBSP, capital, number, period, plural


def test_plurals_and_numbers():
    assert plural(1, "partenaire") == f"1{NBSP}partenaire"
    assert plural(3, "partenariat") == f"3{NBSP}partenariats"
    assert plural(0, "chiffre") == f"0{NBSP}chiffre"
    assert number(1247.0) == f"1{NBSP}247"
    assert number(4.3) == "4,3"
    assert number(0.174) == "0,174"


def test_periods_read_as_french():
    assert period("2021", "2021") == "2021"
    assert period("2021-01", "2021-05") == "janvier–mai 2021"
    assert period("2020-12", "2021-03") == "décembre 2020 – mars 2021"
    assert period(None, "2021") == "jusqu'en 2021"
    assert period(None, None) == "—"
    assert capital("région de Grodno") == "Région de Grodno"
