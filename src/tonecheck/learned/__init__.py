"""The learned sentence model: one more extension point for rule packs (issue 13).

Rules find what their authors thought of; a small encoder fine-tuned on a corpus the team wrote (data/training)
finds paraphrases of the same phenomena. A rule names a model label and a threshold (`model: {label: sarcasm,
threshold: 0.9}`); the engine asks the model about each body sentence and a sentence over the threshold that no
other rule of the category has flagged becomes a finding with the pack's wording and the sentence as excerpt.

- inputs.py: what the model reads (the sentence, the one before it, the customer's message it answers) - shared by
  the training script and the runtime, so both see the same text.
- classifier.py: the int8 ONNX model and its tokenizer, read from this package (no download, ever).
- hits.py: which sentences are asked, and the hits they give.
- veto.py: the model as a verifier: a rule with `model_veto` loses the hits whose sentence it scores under a floor.
"""
