"""Each cleaning rule, on real lines of the corpus (quoted as they stand in the source)."""

from atlas import cleaning


def test_page_number_lines_are_recognised():
    assert cleaning.is_page_number("16 ")
    assert not cleaning.is_page_number("3D ; ")
    assert not cleaning.is_page_number("2021, les investissements")


def test_word_split_at_line_end_is_rejoined():
    lines = [
        "vise à offrir des possibilités supplémentaires de développement économique durable dans ",
        "l'espace post-",
        "soviétique, se sont poursuivis avec d'autres États.",
    ]
    assert "l'espace post-soviétique, se sont" in cleaning.join_lines(lines)


def test_wrapped_lines_join_with_one_space():
    lines = ["Le huitième Forum des régions de Biélorussie et de Russie, qui s'est tenu fin juin - début ",
             "juillet 2021, s'est concentré"]
    assert cleaning.join_lines(lines) == (
        "Le huitième Forum des régions de Biélorussie et de Russie, qui s'est tenu fin juin - début "
        "juillet 2021, s'est concentré"
    )


def test_stray_br_tag_is_removed_even_split_over_two_lines():
    first = 'franche "Grodnoinvest" ont exporté des produits d\'une valeur de 647 millions de dollars. <br '
    second = "/>Les principaux marchés étaient la Russie (60% du total des exportations), la Pologne (13%) "
    joined = cleaning.join_lines([cleaning.strip_stray_html(first), cleaning.strip_stray_html(second)])
    assert "<br" not in joined and "/>" not in joined
    assert "647 millions de dollars. Les principaux marchés" in joined


def _detach(texts):
    return cleaning.detach_footnotes(texts)


def test_footnote_glued_after_a_closing_quote():
    (text, notes), = _detach(['se poursuit depuis neuf ans, depuis 2012"1 . Le'])
    assert text.endswith('depuis 2012". Le')
    assert [n.number for n in notes] == [1]


def test_footnote_glued_to_a_word():
    (text, notes), = _detach(["la Banque de développement de l'OPEP1... et d'autres"])
    assert "l'OPEP..." in text and notes[0].number == 1


def test_footnote_glued_before_the_next_word():
    (text, notes), = _detach(["et l'Ukraine (9%). 1Les livraisons vers l'Union européenne ont doublé"])
    assert "(9%). Les livraisons" in text and notes[0].number == 1


def test_footnote_glued_to_a_year():
    (text, notes), = _detach(['a diminué de 6,7 % par rapport à 20191 " . À cet égard'])
    assert "par rapport à 2019" in text and notes[0].number == 1


def test_footnotes_follow_document_order_and_spare_data_numbers():
    texts = [
        "l'augmentation de la production industrielle a été de 4,3%, le commerce de détail - 8,5%.1 La réalisation",
        'depuis 2012"2 . Le résultat : 15 bus et 2 400 têtes, la 16e session, impression 3D ; créer 1.800 emplois.',
        "de l'innovation3 ...",
    ]
    out = _detach(texts)
    assert [n.number for _, notes in out for n in notes] == [1, 2, 3]
    assert "4,3%" in out[0][0] and "8,5%. La réalisation" in out[0][0]
    for kept in ("15 bus", "2 400 têtes", "16e session", "3D ;", "1.800 emplois"):
        assert kept in out[1][0]


def test_footnote_offset_points_where_the_number_was():
    (text, notes), = _detach(['"Yamalo-Nenets"1. En outre'])
    assert text[: notes[0].offset] == '"Yamalo-Nenets"'


def test_short_line_ends_a_paragraph_long_line_does_not():
    assert cleaning.ends_paragraph("de Sibérie\"10. ", next_is_blank=False)
    assert not cleaning.ends_paragraph(
        "Le huitième Forum des régions de Biélorussie et de Russie, qui s'est tenu fin juin - début ",
        next_is_blank=False,
    )


def test_page_break_in_a_sentence_does_not_end_the_paragraph():
    line = "la région biélorusse dépasse 60 %. Parmi les principaux produits d'exportation figurent la "
    assert not cleaning.ends_paragraph(line, next_is_blank=True)


def test_sentence_ending_at_line_end_before_a_capital_ends_a_paragraph():
    assert cleaning.starts_new_sentence("sont en croissance. 3 ", "Un autre document très important, qui a été")
    assert not cleaning.starts_new_sentence("sont en croissance. 3 ", "et la suite")


def test_long_paragraph_is_cut_between_sentences():
    text = " ".join(f"Phrase numéro {i} qui parle de coopération régionale entre deux pays." for i in range(60))
    pieces = cleaning.split_long(text, limit=600)
    assert len(pieces) > 3
    for start, end in pieces:
        assert text[start:end].strip().endswith(".")
    assert "".join(text[s:e] for s, e in pieces) == text
