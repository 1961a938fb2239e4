import { createApp } from 'vue';
import {
  Button, Cell, CellGroup, Empty, Field, Form, Grid, GridItem, Icon, NavBar, Pagination, Search, Tabbar,
  TabbarItem, Tag, Loading, DropdownMenu, DropdownItem,
} from 'vant';
// only the styles of the components in use (the whole kit's CSS is 200 KB)
import 'vant/es/button/style/index.mjs';
import 'vant/es/cell/style/index.mjs';
import 'vant/es/cell-group/style/index.mjs';
import 'vant/es/empty/style/index.mjs';
import 'vant/es/field/style/index.mjs';
import 'vant/es/form/style/index.mjs';
import 'vant/es/grid/style/index.mjs';
import 'vant/es/grid-item/style/index.mjs';
import 'vant/es/nav-bar/style/index.mjs';
import 'vant/es/pagination/style/index.mjs';
import 'vant/es/search/style/index.mjs';
import 'vant/es/tabbar/style/index.mjs';
import 'vant/es/tabbar-item/style/index.mjs';
import 'vant/es/tag/style/index.mjs';
import 'vant/es/toast/style/index.mjs';
import 'vant/es/dialog/style/index.mjs';
import 'vant/es/dropdown-menu/style/index.mjs';
import 'vant/es/dropdown-item/style/index.mjs';
import './app.css';
import App from './App.vue';

const app = createApp(App);
for (const component of [Button, Cell, CellGroup, Empty, Field, Form, Grid, GridItem, Icon, NavBar, Pagination, Search,
  Tabbar, TabbarItem, Tag, Loading, DropdownMenu, DropdownItem]) {
  app.use(component);
}
app.mount('#app');
