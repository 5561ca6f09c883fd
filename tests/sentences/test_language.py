"""The language a text's words are weighed in: by script, and by function words in the Latin alphabet."""

from __future__ import annotations

import pytest

from newstrace.align.alignment import document_cosine, prepare_text
from newstrace.sentences import Lexicon, default_lexicon
from newstrace.sentences.language import guess_language

# Written for these tests.
TEXTS = {
    "en": "The council said on Monday that the bridge would be closed for repairs until the end of the year.",
    "ru": "Городские власти объявили в понедельник, что мост будет закрыт на ремонт до конца года.",
    "uk": "Міська влада оголосила в понеділок, що міст буде закрито на ремонт до кінця року, і жителі незадоволені.",
    "pt": "A prefeitura disse na segunda-feira que a ponte vai ficar fechada para obras até o fim do ano, e os moradores não gostaram.",
    "es": "El ayuntamiento dijo el lunes que el puente estará cerrado por obras hasta el final del año, y los vecinos se quejan.",
    "fr": "La mairie a annoncé lundi que le pont sera fermé pour des travaux jusqu'à la fin de l'année, et les habitants ne sont pas contents.",
    "de": "Die Stadt teilte am Montag mit, dass die Brücke bis zum Ende des Jahres für Reparaturen gesperrt ist und nicht befahren werden kann.",
    "it": "Il comune ha detto lunedì che il ponte sarà chiuso per lavori fino alla fine dell'anno, e gli abitanti non sono contenti.",
    "ko": "시 당국은 월요일 다리가 연말까지 보수 공사로 폐쇄된다고 발표했다.",
    "ar": "قالت البلدية يوم الاثنين إن الجسر سيغلق للإصلاحات حتى نهاية العام.",
}


@pytest.mark.parametrize(("language", "text"), TEXTS.items())
def test_a_texts_language_is_told_from_its_script_and_function_words(language: str, text: str) -> None:
    assert guess_language(text) == language


def test_texts_without_a_clear_language_are_weighed_as_english() -> None:
    # Chinese is compared as pairs of characters whatever the word list; figures and names say nothing.
    assert guess_language("市政府周一宣布新建地铁线路。") == "en"
    assert guess_language("12 34 56 78") == "en"
    assert guess_language("") == "en"


def test_the_default_lexicon_weighs_a_text_in_its_language_and_a_given_one_stays() -> None:
    assert default_lexicon().for_text(TEXTS["ru"]).language == "ru"
    assert default_lexicon().for_text(TEXTS["en"]) is default_lexicon()
    given = Lexicon({"bridge": 3.0})
    assert given.for_text(TEXTS["ru"]) is given


def test_unrelated_texts_of_one_language_share_little_once_their_function_words_weigh_nothing() -> None:
    bridge = [TEXTS["pt"], "O secretário de obras afirmou que o desvio pelo centro da cidade vai durar seis meses."]
    festival = [
        "O festival de música da cidade começa na sexta-feira com shows gratuitos no parque, e a organização "
        "espera mais de dez mil pessoas.",
        "A organização disse que as bandas locais vão tocar para o público durante todo o fim de semana.",
    ]
    english_only = Lexicon(default_lexicon().zipf)
    in_portuguese = default_lexicon()
    weighed_as_english = document_cosine(prepare_text(bridge, english_only), prepare_text(festival, english_only))
    weighed_as_portuguese = document_cosine(prepare_text(bridge, in_portuguese), prepare_text(festival, in_portuguese))
    assert weighed_as_portuguese < 0.6 * weighed_as_english


def test_a_text_mostly_in_another_script_is_in_its_language_whatever_english_it_quotes() -> None:
    hindi = (
        "नगर निगम ने सोमवार को कहा कि पुल साल के अंत तक मरम्मत के लिए बंद रहेगा। "
        "निवासियों ने कहा कि उन्हें लंबा रास्ता लेना पड़ेगा और बाज़ार तक पहुँचने में अधिक समय लगेगा। "
    ) * 3
    assert guess_language("We use cookies on this site. " + hindi) == "hi"


def test_the_vowel_signs_of_indian_scripts_count_with_their_letters() -> None:
    # A third of the text is an English post quoted in it: by letters alone (vowel signs are marks,
    # not letters) the Hindi would not make half the text.
    text = (
        "इसरो प्रमुख ने बुधवार को बताया कि सरकार ने नए मिशन को मंजूरी दे दी है और परियोजना पर काम जारी है।\n"
        "ISRO chief: we have made good progress on the mission, the orbiter is still working well."
    )
    assert guess_language(text) == "hi"
