"""Word lists the line classifier measures lines by: function words of several languages and the
vocabulary of page furniture (share, menu, comments). Lower case; data, not rules."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words of languages news is scraped in: prose is dense with them, menus,
# teasers and credits are not. Short lists on purpose: content words would make the feature topical.
STOP_WORDS: frozenset[str] = _words(
    # English
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this "
    "that these those he she they we you i his her their our your my him them us not no so than then "
    "there here what which who whom when where why how all any some more most can could would should "
    "will shall may might must do does did has have had into about over after before also just only very "
    "up out"
    # Spanish and Portuguese
    " el la los las un una unos unas y o pero de del en con por para que como es son fue era se su sus "
    "lo le les al este esta estos ese esa muy más mas ya también sin sobre entre cuando donde porque "
    "o os as um uma uns umas e mas do da dos das no na nos nas em com pelo pela para que como é são foi "
    "era se seu sua seus suas ao à às este esta isso isto muito mais já também sem sobre entre quando onde "
    "porque não"
    # French
    " le la les un une des et ou mais de du au aux en dans sur par pour avec que qui est sont était "
    "ce cette ces il elle ils elles nous vous son sa ses leur leurs ne pas plus aussi comme"
    # Italian
    " il lo la i gli le un uno una e o ma di del della dei delle in nel nella con per che come è sono "
    "era si suo sua non più anche questo questa quando dove perché"
    # German and Dutch
    " der die das den dem des ein eine einer und oder aber von zu im mit auf für ist sind war wurde "
    "es sie er wir nicht auch als wie dass sich de het een en van op voor met niet zijn was"
    # Indonesian and Malay
    " yang dan di ke dari untuk dengan ini itu dalam tidak akan pada juga ada adalah oleh karena "
    "sebagai atau bisa tersebut mereka kita kami saya"
    # Russian
    " и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне "
    "было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до "
    "вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя "
    "их чем была сам чтобы без будто чего раз тоже себе под будет это этот эта эти который которые"
)

# Words of site furniture in several languages: sharing, navigation, comments, subscriptions,
# legal notices, credits. A line made of them is a widget, not prose.
WIDGET_WORDS: frozenset[str] = _words(
    "share shares shared sharing tweet tweets facebook twitter whatsapp linkedin pinterest reddit telegram "
    "instagram youtube rss email mail print comment comments reply replies login log sign register "
    "subscribe subscribed subscription newsletter newsletters menu home search related read more click "
    "here advertisement advertising ad ads sponsored cookie cookies privacy policy terms copyright rights "
    "reserved contact about follow us next previous prev top popular trending latest video videos photo "
    "photos gallery tags tag topics posted updated published ago min mins minutes read view views like "
    "likes report flag back account password download app apps sections section skip content jobs careers "
    "feedback help faq sitemap archive archives categories category permalink"
    # Portuguese, Spanish, Italian, French, German
    " compartilhar compartilhe comentários comentário comentar leia mais notícias entrar buscar pesquisar "
    "início inicio compartir comentarios noticias publicidade publicidad buscar suscríbete assine "
    "condividi commenti commento leggi accedi cerca notizie pubblicità partager commentaires lire "
    "rechercher connexion teilen kommentare suchen anmelden werbung"
    # Russian, Indonesian
    " поделиться комментарии комментарий читать войти поиск новости реклама подписаться главная "
    "bagikan komentar baca juga berita cari masuk iklan terkait"
)

# Words of a label over a date line ("Breaking News", "Local Sports", "Yahoo News"), which reads as a
# person's name.
LABEL_WORDS: frozenset[str] = _words(
    "news breaking latest live update updates local sport sports world business politics opinion analysis "
    "exclusive sponsored video home top stories story editor editors staff weather wire service services"
)
