from criteo_api_marketingsolutions_v2020_10 import _secrets
def test_probe():
    text = "GET /2021-04/advertisers/me 200 Bearer abc.def client_id=x"
    hits = [v for v, forms in _secrets._registered.items() if any(f in text for f in forms)]
    print("HITS", hits, [sorted(f for f in _secrets._registered[v] if f in text) for v in hits])
