/** Help of `triangulate eval clusters`, apart so that `--help` loads no clusterer. */
export const EVAL_CLUSTERS_HELP = `triangulate eval clusters FILE [--json] [--shuffle SEED | --shuffles N] [--topics odd|even]
  Feeds the documents of a clustering data set through the online story clustering, one at a time in file
  order (or shuffled by a seeded generator with --shuffle), and prints B-cubed and pairwise precision,
  recall and F1 against the gold clusters. FILE is ECB+ JSON Lines ({doc, topic, subtopic, sentences};
  gold = subtopic) or MMDS JSON ({articles, clusters}; English articles only).
  --json          print {b3: {precision, recall, f1}, pairwise: {...}, documents, clusters, gold}
  --shuffle SEED  feed the documents in an order shuffled by SEED (a whole number)
  --shuffles N    score file order and the orders shuffled by seeds 1 to N, then the mean, least and greatest
                  B-cubed F1 and their spread: how much the online clustering depends on the order
  --topics HALF   only the topics with odd or even numbers (ECB+): choose a setting on one half, check it on
                  the other
`;
